import { describe, expect, it } from "vitest";
import { scoreAnswers } from "../../src/engine/score.js";
import { bundledQuestionnairePath, bundledRubricPath } from "../../src/load/bundled.js";
import { loadQuestionnaire, loadRubricFile } from "../../src/load/load.js";
import { renderText } from "../../src/report/text.js";
import { answersFile, leastMature } from "../helpers/answers.js";

const questionnaire = loadQuestionnaire(bundledQuestionnairePath("media-house")).value;
const rubric = loadRubricFile(bundledRubricPath("media-house")).value;

describe("the text report", () => {
  it("never passes control characters from an answers file to the terminal", () => {
    const hostile = "\x1b]0;owned\x07\x1b[2J\x1b[31mEvil\x1b[0m\rCorp\x08";
    const card = scoreAnswers(
      questionnaire,
      rubric,
      answersFile(questionnaire, { ...leastMature(questionnaire, rubric), "data.analytics": { value: 2, note: hostile }, "organisation.notes": hostile }, {
        respondent: hostile,
        organisation: hostile,
      }),
    );
    for (const explain of [false, true]) {
      const out = renderText(card, { colorLevel: 0, explain });
      expect(out).toMatch(/Evil/);
      expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    }
  });

  it("at colour level 0 there are no escapes; at level 1 there are", () => {
    const card = scoreAnswers(questionnaire, rubric, answersFile(questionnaire, leastMature(questionnaire, rubric)));
    expect(renderText(card, { colorLevel: 0 })).not.toMatch(/\x1b\[/);
    expect(renderText(card, { colorLevel: 1 })).toMatch(/\x1b\[/);
  });

  it("says when nothing is answered instead of printing a score", () => {
    const out = renderText(scoreAnswers(questionnaire, rubric, answersFile(questionnaire, {})), { colorLevel: 0 });
    expect(out).toMatch(/—\/100/);
    expect(out.replace(/\s+/g, " ")).toMatch(/No scored question is answered yet/);
  });
});
