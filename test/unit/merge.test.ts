// mergeAnswers on hand-made answers to a tiny questionnaire: the rules of its doc comment, one by one.
import { describe, expect, it } from "vitest";
import { labelTeamAnswers, mergeAnswers } from "../../src/engine/merge.js";
import { scoreAnswers } from "../../src/engine/score.js";
import type { Answers } from "../../src/model/answers.js";
import type { Questionnaire } from "../../src/model/questionnaire.js";
import { mediaHouse } from "../helpers/bundled.js";

const q = {
  kind: "questionnaire",
  version: 1,
  id: "tiny",
  revision: 2,
  title: "Tiny",
  sections: [
    {
      id: "s",
      title: "S",
      questions: [
        { id: "single", type: "single", text: "Single", options: ["a", "b", "c", "d"].map((v) => ({ value: v, label: v.toUpperCase() })) },
        { id: "scale", type: "scale", text: "Scale", min: 1, max: 5 },
        { id: "number", type: "number", text: "Number", min: 0, max: 100 },
        { id: "bool", type: "boolean", text: "Bool" },
        { id: "multi", type: "multi", text: "Multi", options: ["x", "y", "z"].map((v) => ({ value: v, label: v })) },
        { id: "unk", type: "single", text: "Unk", allowUnknown: true, options: ["lo", "mid", "hi"].map((v) => ({ value: v, label: v })) },
        { id: "text", type: "text", text: "Text" },
      ],
    },
  ],
} as unknown as Questionnaire;

type Row = Record<string, Answers["answers"][string]>;
const file = (respondent: string, answers: Row, date?: string) => ({
  respondent,
  answers: { kind: "answers", version: 1, questionnaire: "tiny@2", respondent, ...(date ? { date } : {}), answers } as Answers,
});
/** Merges one question: each value is one respondent's answer (R1, R2, ...). */
const mergeOne = (id: string, values: Row[string][]) => {
  const view = mergeAnswers(q, values.map((v, i) => file(`R${i + 1}`, { [id]: v })));
  return { view, c: view.questions.find((x) => x.id === id)! };
};

describe("mergeAnswers", () => {
  it("takes the median of ordered options, and the lower median with an even count", () => {
    expect(mergeOne("single", ["a", "d", "c"]).c.consensus).toBe("c");
    expect(mergeOne("single", ["a", "b", "c", "d"]).c.consensus).toBe("b");
    expect(mergeOne("single", ["d", "c"]).c.consensus).toBe("c");
  });

  it("takes the (lower) median of scales and numbers", () => {
    expect(mergeOne("scale", [5, 1, 4]).c.consensus).toBe(4);
    expect(mergeOne("scale", [2, 5, 1, 4]).c.consensus).toBe(2);
    expect(mergeOne("number", [90, 10, 40]).c.consensus).toBe(40);
    expect(mergeOne("number", [70, 10, 40, 90]).c.consensus).toBe(40);
  });

  it("takes the majority for yes/no, and a tie is no", () => {
    expect(mergeOne("bool", [true, true, false]).c.consensus).toBe(true);
    expect(mergeOne("bool", [false, false, true]).c.consensus).toBe(false);
    expect(mergeOne("bool", [true, false]).c.consensus).toBe(false);
    expect(mergeOne("bool", [true, true, false, false]).c.consensus).toBe(false);
  });

  it("keeps a multiple-choice option only when more than half picked it", () => {
    expect(mergeOne("multi", [["x", "y"], ["x"], ["x", "z"]]).c.consensus).toEqual(["x"]);
    expect(mergeOne("multi", [["x", "y"], ["y", "z"], ["x", "y", "z"]]).c.consensus).toEqual(["x", "y", "z"]);
    // Exactly half is not enough.
    expect(mergeOne("multi", [["x", "y"], ["x"]]).c.consensus).toEqual(["x"]);
    expect(mergeOne("multi", [["x"], []]).c.consensus).toEqual([]);
  });

  it('gives "unknown" only when most said so, otherwise the median of the real answers', () => {
    expect(mergeOne("unk", ["unknown", "unknown", "hi"]).c.consensus).toBe("unknown");
    expect(mergeOne("unk", ["unknown", "lo", "hi"]).c.consensus).toBe("lo");
    expect(mergeOne("unk", ["unknown", "unknown", "hi", "mid"]).c.consensus).toBe("mid");
    expect(mergeOne("unk", ["n/a", "n/a", "lo"]).c.consensus).toBe("n/a");
  });

  it("never merges free text into the team's answers", () => {
    const { view, c } = mergeOne("text", ["same words", "same words"]);
    expect(view.answers.answers).not.toHaveProperty("text");
    expect(c.answered).toBe(2);
    expect(c.distribution).toEqual([{ value: "same words", display: expect.any(String), count: 2, respondents: ["R1", "R2"] }]);
  });

  it("counts each answer and names who gave it, most common first", () => {
    const { c } = mergeOne("single", ["b", "a", "b", "unknown"]);
    expect(c.answered).toBe(4);
    expect(c.distribution.map(({ value, count, respondents }) => ({ value, count, respondents }))).toEqual([
      { value: "b", count: 2, respondents: ["R1", "R3"] },
      { value: "a", count: 1, respondents: ["R2"] },
      { value: "unknown", count: 1, respondents: ["R4"] },
    ]);
    expect(c.distribution[0]!.display).toBe("B");
    const multi = mergeOne("multi", [["x", "y"], ["x", "y"], ["z"]]).c;
    expect(multi.distribution.map((d) => [d.value, d.respondents])).toEqual([["[x, y]", ["R1", "R2"]], ["[z]", ["R3"]]]);
  });

  it("skips respondents who left a question empty", () => {
    const { c } = mergeOne("scale", [3, null, 5]);
    expect(c.answered).toBe(2);
    expect(c.consensus).toBe(3);
  });

  it("measures agreement: 1 when all agree, lower as answers spread, null with one answer", () => {
    expect(mergeOne("scale", [3, 3, 3]).c.agreement).toBe(1);
    expect(mergeOne("single", ["c", "c"]).c.agreement).toBe(1);
    expect(mergeOne("bool", [true, true]).c.agreement).toBe(1);
    expect(mergeOne("multi", [["x"], ["x"]]).c.agreement).toBe(1);
    const close = mergeOne("scale", [2, 3, 3]).c.agreement!;
    const spread = mergeOne("scale", [1, 3, 5]).c.agreement!;
    expect(spread).toBe(0.33);
    expect(close).toBeLessThan(1);
    expect(spread).toBeLessThan(close);
    expect(mergeOne("scale", [1, 5]).c.agreement).toBe(0);
    expect(mergeOne("bool", [true, true, false]).c.agreement).toBe(0.67);
    expect(mergeOne("scale", [4]).c.agreement).toBeNull();
    expect(mergeOne("scale", [4, null]).c.agreement).toBeNull();
  });

  it("leaves out a question nobody answered", () => {
    const { view, c } = mergeOne("number", [null, null]);
    expect(c.answered).toBe(0);
    expect(c).not.toHaveProperty("consensus");
    expect(c.agreement).toBeNull();
    expect(view.answers.answers).not.toHaveProperty("number");
  });

  it("names its respondents, the questionnaire and the latest date in the merged answers", () => {
    const view = mergeAnswers(q, [
      file("Anna", { single: "a", scale: 2, bool: true }, "2024-03-01"),
      file("Björn", { single: "c", scale: 4, bool: true }, "2024-05-20"),
      file("Cia", { single: "d", scale: 5, bool: false }),
    ]);
    expect(view.respondents).toEqual(["Anna", "Björn", "Cia"]);
    expect(view.answers).toMatchObject({
      kind: "answers",
      version: 1,
      questionnaire: "tiny@2",
      respondent: "Team (3): Anna, Björn, Cia",
      respondents: ["Anna", "Björn", "Cia"],
      date: "2024-05-20",
    });
    expect(view.answers.answers).toEqual({ single: "c", scale: 4, bool: true });
    expect(view.questions.map((x) => x.id)).toEqual(["single", "scale", "number", "bool", "multi", "unk", "text"]);
  });

  it("labels a large team by its size and keeps every name in the list of respondents", () => {
    const names = Array.from({ length: 13 }, (_, i) => `Person ${i + 1}`);
    const view = mergeAnswers(q, names.map((n) => file(n, { scale: 3 })));
    expect(view.answers.respondent).toBe("Team (13)");
    expect(view.answers.respondents).toEqual(names);
    expect(mergeAnswers(q, names.slice(0, 12).map((n) => file(n, { scale: 3 }))).answers.respondent).toMatch(/^Team \(12\): Person 1, .*Person 12$/);
  });

  it("counts the same picks of a multiple choice as one answer, whatever their order", () => {
    const { c } = mergeOne("multi", [["y", "x"], ["x", "y"], ["z"]]);
    expect(c.distribution.map((d) => [d.value, d.count])).toEqual([["[x, y]", 2], ["[z]", 1]]);
    expect(c.agreement).toBe(mergeOne("multi", [["x", "y"], ["x", "y"], ["z"]]).c.agreement);
  });

  it("takes the median of a number without bounds from more respondents than a function call takes arguments", () => {
    const unbounded = { ...q, sections: [{ id: "s", title: "S", questions: [{ id: "n", type: "number", text: "N" }] }] } as unknown as Questionnaire;
    const [ten, thirty] = [file("R", { n: 10 }).answers, file("R", { n: 30 }).answers];
    const files = Array.from({ length: 200_000 }, (_, i) => ({ respondent: `R${i}`, answers: i % 2 ? ten : thirty }));
    const c = mergeAnswers(unbounded, files).questions[0]!;
    expect(c.consensus).toBe(10);
    expect(c.answered).toBe(200_000);
  });
});

describe("a multiple choice where no option wins a majority", () => {
  // Four respondents who all answered: each option has at most two votes of four.
  const split = [["x"], ["y"], ["z"], ["x", "y"]];

  it('is the team\'s answer "none of the options by a majority", in every language', () => {
    const { view, c } = mergeOne("multi", split);
    expect(c.answered).toBe(4);
    expect(c.consensus).toEqual([]);
    expect(c.display).toBe("none of the options by a majority");
    expect(view.answers.answers.multi).toEqual([]);
    const sv = mergeAnswers(q, split.map((v, i) => file(`R${i + 1}`, { multi: v })), "sv").questions.find((x) => x.id === "multi")!;
    expect(sv.display).toBe("inget alternativ fick majoritet");
  });

  it('is "none of these" when everyone ticked none, and each respondent\'s empty list reads so too', () => {
    const { c } = mergeOne("multi", [[], [], [], []]);
    expect(c.display).toBe("none of these");
    expect(mergeOne("multi", [["x"], []]).c.distribution.map((d) => d.display)).toEqual(["x", "none of these"]);
  });

  it("shows on the team's scorecard as that sentence, not as the dash of a missing answer", () => {
    const { questionnaire, rubric } = mediaHouse();
    const kpis = questionnaire.sections.flatMap((s) => s.questions).find((x) => x.id === "data.kpis")!;
    if (kpis.type !== "multi") throw new Error("data.kpis is a multiple choice");
    const [a, b, c] = kpis.options.map((o) => o.value);
    const files = [[a], [b], [c], [a, b]].map((v, i) => ({
      respondent: `R${i + 1}`,
      answers: { kind: "answers", version: 1, questionnaire: questionnaire.id, answers: { "data.kpis": v } } as Answers,
    }));
    const view = mergeAnswers(questionnaire, files);
    const card = labelTeamAnswers(scoreAnswers(questionnaire, rubric, view.answers), view);
    const shown = card.dimensions.flatMap((d) => d.questions).find((x) => x.id === "data.kpis")!;
    expect(shown.status).toBe("answered");
    expect(shown.display).toBe("none of the options by a majority");
    for (const step of card.nextSteps) for (const why of step.because) if (why.question === "data.kpis") expect(why.display).toBe(shown.display);
    // The other questions keep the wording scoring gave them.
    const plain = scoreAnswers(questionnaire, rubric, view.answers).dimensions.flatMap((d) => d.questions);
    expect(card.dimensions.flatMap((d) => d.questions).filter((x) => x.id !== "data.kpis")).toEqual(plain.filter((x) => x.id !== "data.kpis"));
  });
});
