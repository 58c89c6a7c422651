import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAnswers } from "../../src/engine/score.js";
import { renderText } from "../../src/report/text.js";
import { answersFile, arbAnswers, leastMature } from "../helpers/answers.js";
import { prop } from "../helpers/property.js";
import { mediaHouse } from "../helpers/bundled.js";

const { questionnaire, rubric } = mediaHouse();

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

describe("the text report fits an 80-column terminal", () => {
  const tooLong = (out: string) => out.replace(/\x1b\[[0-9;]*m/g, "").split("\n").filter((l) => [...l].length > 80);

  prop([arbAnswers(questionnaire, rubric), fc.boolean(), fc.constantFrom<0 | 1>(0, 1), fc.constantFrom(undefined, "3.0")], { numRuns: 15 })(
    "for any answers, with or without --explain and colour",
    (answers, explain, colorLevel, target) => {
      const card = scoreAnswers(questionnaire, rubric, answers, { asOf: "2026-01-01", ...(target ? { target } : {}) });
      expect(tooLong(renderText(card, { colorLevel, explain, width: 80 }))).toEqual([]);
    },
  );
});
