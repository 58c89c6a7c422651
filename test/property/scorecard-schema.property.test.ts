// The published scorecard schema (`schema scorecard`, --format json) describes every scorecard the engine makes.
import { expect } from "vitest";
import { scoreAnswers } from "../../src/engine/score.js";
import { scorecardSchema } from "../../src/model/scorecard.js";
import { arbAnswers } from "../helpers/answers.js";
import { prop } from "../helpers/property.js";
import { mediaHouse } from "../helpers/bundled.js";

const { questionnaire, rubric } = mediaHouse();

prop([arbAnswers(questionnaire, rubric)], { numRuns: 50 })("every scorecard fits the published scorecard schema", (answers) => {
  const card = scoreAnswers(questionnaire, rubric, answers, { asOf: "2026-01-01" });
  const result = scorecardSchema.safeParse(JSON.parse(JSON.stringify(card)));
  expect(result.success ? [] : result.error.issues).toEqual([]);
});
