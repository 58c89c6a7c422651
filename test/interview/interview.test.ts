// The question loop, driven by a scripted Asker that fails on any question it does not expect.
import { describe, expect, it } from "vitest";
import { interview } from "../../src/interview/interview.js";
import type { Answers } from "../../src/model/answers.js";
import { questionnaireSchema, type Questionnaire } from "../../src/model/questionnaire.js";
import { rubricSchema, type Rubric } from "../../src/model/rubric.js";
import { ScriptedAsker, choiceNames, choose, type Step } from "./scripted-asker.js";

const HELP_TEXT = "An A/B test shows two versions to different customers and keeps the better one.";

/** Ten questions: every type, "don't know", "n/a" (through the rubric), a `when` and a `help`. */
const questionnaire: Questionnaire = {
  kind: "questionnaire",
  version: 1,
  id: "tiny",
  revision: 1,
  title: "A tiny audit",
  languages: ["en"],
  sections: [
    {
      id: "basics",
      title: "Basics",
      questions: [
        {
          id: "b.single",
          type: "single",
          text: "How do you plan your marketing?",
          options: [
            { value: "none", label: "No plan" },
            { value: "some", label: "Some plan", help: "Written down somewhere" },
            { value: "full", label: "A full plan" },
          ],
        },
        {
          id: "b.multi",
          type: "multi",
          text: "Which tools do you use?",
          allowUnknown: true,
          options: [
            { value: "crm", label: "A CRM" },
            { value: "mail", label: "A newsletter" },
            { value: "shop", label: "An online shop" },
          ],
        },
        { id: "b.scale", type: "scale", text: "How digital is management?", min: 1, max: 5, minLabel: "Not at all", maxLabel: "Fully" },
        { id: "b.number", type: "number", text: "What share of sales is online?", min: 0, max: 100, integer: true, unit: "%" },
        { id: "b.bool", type: "boolean", text: "Do you post weekly?" },
      ],
    },
    {
      id: "more",
      title: "More",
      questions: [
        {
          id: "m.unknown",
          type: "single",
          text: "Do you know what a customer is worth?",
          allowUnknown: true,
          options: [
            { value: "no", label: "No idea" },
            { value: "yes", label: "Yes, worked out" },
          ],
        },
        { id: "m.na", type: "boolean", text: "Have you cut a print ad?" },
        {
          id: "m.when",
          type: "single",
          text: "How do you follow the plan up?",
          when: { question: "b.single", equals: "full" },
          options: [
            { value: "never", label: "We never look back" },
            { value: "monthly", label: "Monthly review" },
          ],
        },
        {
          id: "m.help",
          type: "single",
          text: "Do you run A/B tests?",
          help: HELP_TEXT,
          options: [
            { value: "no", label: "No" },
            { value: "yes", label: "Yes" },
          ],
        },
        { id: "m.text", type: "text", text: "Anything else we should know?" },
      ],
    },
  ],
};

const rubric: Rubric = {
  kind: "rubric",
  version: 1,
  id: "tiny-rubric",
  title: "Tiny rubric",
  questionnaire: "tiny",
  unknown: "zero",
  stages: [
    { id: "1.0", name: "One", min: 0 },
    { id: "2.0", name: "Two", min: 50 },
  ],
  defaultTarget: "2.0",
  dimensions: [
    {
      id: "basics",
      weight: 1,
      questions: {
        "b.single": { weight: 1, points: { none: 0, some: 50, full: 100 } },
        "b.scale": { weight: 1 },
      },
    },
    {
      id: "more",
      weight: 1,
      questions: {
        "m.na": { weight: 1, points: { yes: 100, no: 0 }, notApplicable: true },
        "m.help": { weight: 1, points: { no: 0, yes: 100 } },
      },
    },
  ],
  gates: [],
  nextSteps: [],
};

function emptyAnswers(answers: Answers["answers"] = {}): Answers {
  return { kind: "answers", version: 1, questionnaire: "tiny@1", respondent: "Test Co", date: "2025-01-01", answers };
}

// Message matchers, one per question.
const Q = {
  single: /How do you plan your marketing\?/,
  multi: /Which tools do you use\?/,
  scale: /How digital is management\?/,
  number: /What share of sales is online\?/,
  bool: /Do you post weekly\?/,
  unknown: /Do you know what a customer is worth\?/,
  na: /Have you cut a print ad\?/,
  when: /How do you follow the plan up\?/,
  help: /Do you run A\/B tests\?/,
  text: /Anything else we should know\?/,
  review: /Review your answers/,
};
const SCORE = choose(/These answers are right: score them/);
const scoreStep: Step = { kind: "select", match: Q.review, answer: SCORE };

/** A complete, plain walk through the questionnaire (b.single = full, so m.when is asked). */
function fullScript(): Step[] {
  return [
    { kind: "select", match: Q.single, answer: "full" },
    { kind: "checkbox", match: Q.multi, answer: ["crm", "shop"] },
    { kind: "select", match: Q.scale, answer: 4 },
    { kind: "input", match: Q.number, answer: "42" },
    { kind: "select", match: Q.bool, answer: true },
    { kind: "select", match: Q.unknown, answer: "yes" },
    { kind: "select", match: Q.na, answer: false },
    { kind: "select", match: Q.when, answer: "monthly" },
    { kind: "select", match: Q.help, answer: "yes" },
    { kind: "input", match: Q.text, answer: "  We sell cakes  " },
  ];
}

const fullAnswers = {
  "b.single": "full",
  "b.multi": ["crm", "shop"],
  "b.scale": 4,
  "b.number": 42,
  "b.bool": true,
  "m.unknown": "yes",
  "m.na": false,
  "m.when": "monthly",
  "m.help": "yes",
  "m.text": "We sell cakes",
};

async function play(steps: Step[], start: Answers = emptyAnswers(), options: Parameters<typeof interview>[3] = { rubric }) {
  const asker = new ScriptedAsker(steps);
  const result = await interview(questionnaire, asker, start, options);
  asker.assertDone();
  return { result, asker };
}

describe("interview", () => {
  it("uses a questionnaire and rubric that the schemas accept", () => {
    expect(() => questionnaireSchema.parse(questionnaire)).not.toThrow();
    expect(() => rubricSchema.parse(rubric)).not.toThrow();
  });

  it("stores each question type's answer with the right value type", async () => {
    const { result } = await play([...fullScript(), scoreStep]);
    expect(result.answers).toStrictEqual(fullAnswers);
    const a = result.answers;
    expect(typeof a["b.single"]).toBe("string");
    expect(Array.isArray(a["b.multi"])).toBe(true);
    expect(typeof a["b.scale"]).toBe("number");
    expect(typeof a["b.number"]).toBe("number");
    expect(typeof a["b.bool"]).toBe("boolean");
    expect(typeof a["m.na"]).toBe("boolean");
    expect(typeof a["m.text"]).toBe("string");
    // The rest of the answers file is carried through.
    expect(result).toMatchObject({ kind: "answers", version: 1, questionnaire: "tiny@1", respondent: "Test Co", date: "2025-01-01" });
  });

  it("shows the section, the progress and the question in each message", async () => {
    const { asker } = await play([...fullScript(), scoreStep]);
    expect(asker.asked[0]!.message).toMatch(/^Basics · 1\/10\n\s+How do you plan your marketing\?/);
    expect(asker.asked[5]!.message).toMatch(/^More · 6\/10\n/);
    expect(asker.asked[3]!.message).toMatch(/0–100 %/);
  });

  it("offers the scale's values with their end labels and the options' help as descriptions", async () => {
    const steps = fullScript();
    steps[0]!.check = (o) => {
      expect(o.choices!.find((c) => c.value === "some")).toMatchObject({ name: "Some plan", description: "Written down somewhere" });
    };
    steps[2]!.check = (o) => {
      expect(choiceNames(o).slice(0, 5)).toEqual(["1 — Not at all", "2", "3", "4", "5 — Fully"]);
      expect(o.choices!.slice(0, 5).map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
    };
    await play([...steps, scoreStep]);
  });

  it('stores "Don\'t know" as "unknown", and offers it only where the question allows it', async () => {
    const steps = fullScript();
    steps[0]!.check = (o) => expect(choiceNames(o)).not.toContain("Don't know");
    steps[1] = { kind: "checkbox", match: Q.multi, answer: ["unknown"], check: (o) => expect(choiceNames(o)).toContain("Don't know") };
    steps[5] = { kind: "select", match: Q.unknown, answer: choose(/^Don't know$/) };
    const { result } = await play([...steps, scoreStep]);
    expect(result.answers["b.multi"]).toBe("unknown");
    expect(result.answers["m.unknown"]).toBe("unknown");
  });

  it('refuses "Don\'t know" ticked together with an option', async () => {
    const steps = fullScript();
    steps[1]!.check = (o) => {
      const validate = o.validate as (v: string[]) => true | string;
      expect(validate(["unknown", "crm"])).toMatch(/"Don't know" stands alone/);
      expect(validate(["unknown"])).toBe(true);
      expect(validate(["crm", "mail"])).toBe(true);
      expect(validate([])).toBe(true);
    };
    await play([...steps, scoreStep]);
  });

  it('stores "Not applicable to us" as "n/a", offered only where the rubric allows it', async () => {
    const steps = fullScript();
    const noNa = (o: Parameters<NonNullable<Step["check"]>>[0]) => expect(choiceNames(o)).not.toContain("Not applicable to us");
    steps[0]!.check = noNa;
    steps[3]!.check = (o) => expect(o.message).not.toMatch(/n\/a/);
    steps[5]!.check = noNa;
    steps[6] = {
      kind: "select",
      match: Q.na,
      answer: choose(/^Not applicable to us$/),
      check: (o) => expect(o.choices!.slice(0, 2).map((c) => c.value)).toEqual([true, false]),
    };
    steps[8]!.check = noNa;
    const { result } = await play([...steps, scoreStep]);
    expect(result.answers["m.na"]).toBe("n/a");
  });

  it("asks a yes/no as a select that can be skipped, so Enter never records an answer nobody chose", async () => {
    const steps = fullScript();
    steps[4] = { kind: "select", match: Q.bool, answer: choose(/Skip for now/) };
    const { result, asker } = await play([...steps, scoreStep]);
    expect(asker.asked.find((a) => Q.bool.test(a.message))!.kind).toBe("select");
    expect(result.answers).not.toHaveProperty("b.bool");
  });

  it('does not offer "n/a" at all without a rubric', async () => {
    const steps = fullScript();
    steps[6] = { kind: "select", match: Q.na, answer: false };
    const { result } = await play([...steps, scoreStep], emptyAnswers(), {});
    expect(result.answers["m.na"]).toBe(false);
  });

  it('leaves the key absent on "Skip for now" and on an empty input', async () => {
    const steps = fullScript();
    steps[0] = { kind: "select", match: Q.single, answer: choose(/^Skip for now$/) };
    steps[3] = { kind: "input", match: Q.number, answer: "" };
    steps[5] = { kind: "select", match: Q.unknown, answer: choose(/^Skip for now$/) };
    steps[9] = { kind: "input", match: Q.text, answer: "   " };
    // b.single skipped: m.when (shown only for a full plan) is not asked.
    steps.splice(7, 1);
    const review: Step = {
      kind: "select",
      match: Q.review,
      answer: SCORE,
      check: (o) => {
        expect(choiceNames(o)[0]).toMatch(/\(5 of 9 answered\)/);
        expect(choiceNames(o)).toContain("1. How do you plan your marketing? → (no answer)");
      },
    };
    const { result } = await play([...steps, review]);
    for (const id of ["b.single", "b.number", "m.unknown", "m.text", "m.when"]) expect(result.answers).not.toHaveProperty(id);
    expect(result.answers["b.scale"]).toBe(4);
  });

  it("keeps an empty checkbox as an empty list: none of these", async () => {
    const steps = fullScript();
    steps[1] = { kind: "checkbox", match: Q.multi, answer: [] };
    const { result } = await play([...steps, scoreStep]);
    expect(result.answers["b.multi"]).toEqual([]);
  });

  it("shows the help through note() and asks the same question again", async () => {
    const steps = fullScript();
    steps[0]!.check = (o) => expect(choiceNames(o)).not.toContain("? What does this mean?");
    steps.splice(
      8,
      1,
      { kind: "select", match: Q.help, answer: choose(/What does this mean\?/) },
      { kind: "select", match: Q.help, answer: choose(/What does this mean\?/) },
      { kind: "select", match: Q.help, answer: "no" },
    );
    const { result, asker } = await play([...steps, scoreStep]);
    expect(asker.notes).toEqual([HELP_TEXT, HELP_TEXT]);
    expect(result.answers["m.help"]).toBe("no");
  });

  it("asks a `when` question when its condition holds", async () => {
    const { asker, result } = await play([...fullScript(), scoreStep]);
    expect(asker.asked.filter((a) => Q.when.test(a.message))).toHaveLength(1);
    expect(result.answers["m.when"]).toBe("monthly");
  });

  it("does not ask a `when` question when its condition does not hold", async () => {
    const steps = fullScript();
    steps[0] = { kind: "select", match: Q.single, answer: "some" };
    steps.splice(7, 1);
    const review: Step = { kind: "select", match: Q.review, answer: SCORE, check: (o) => expect(choiceNames(o).join("\n")).not.toMatch(Q.when) };
    const { result } = await play([...steps, review]);
    expect(result.answers).not.toHaveProperty("m.when");
  });

  it("resumes with a partly answered file: asks only the unanswered questions, in order", async () => {
    const start = emptyAnswers({
      "b.single": "full",
      "b.multi": ["crm"],
      "b.number": { value: 10, note: "from the till" },
      "b.bool": null, // an empty key in the file counts as unanswered
      "m.unknown": "unknown",
      "m.na": "n/a",
    });
    const frozen = structuredClone(start);
    const { result, asker } = await play(
      [
        { kind: "select", match: Q.scale, answer: 3 },
        { kind: "select", match: Q.bool, answer: false },
        { kind: "select", match: Q.when, answer: "never" },
        { kind: "select", match: Q.help, answer: "no" },
        { kind: "input", match: Q.text, answer: "" },
        scoreStep,
      ],
      start,
    );
    expect(asker.asked.map((a) => a.message.split("\n")[0])).toEqual([
      "Basics · 3/10",
      "Basics · 5/10",
      "More · 8/10",
      "More · 9/10",
      "More · 10/10",
      "Review your answers: pick one to change it, or score them",
    ]);
    expect(result.answers).toStrictEqual({
      "b.single": "full",
      "b.multi": ["crm"],
      "b.scale": 3,
      "b.number": { value: 10, note: "from the till" },
      "b.bool": false,
      "m.unknown": "unknown",
      "m.na": "n/a",
      "m.when": "never",
      "m.help": "no",
    });
    // The caller's object is left alone.
    expect(start).toStrictEqual(frozen);
  });

  it("goes straight to the review when everything is answered", async () => {
    const { result, asker } = await play([scoreStep], emptyAnswers({ ...fullAnswers }));
    expect(asker.asked).toHaveLength(1);
    expect(result.answers).toStrictEqual(fullAnswers);
  });

  it("calls onChange after each answer, with the answers so far, before asking the next question", async () => {
    const saved: Answers[] = [];
    const onChange = async (a: Answers) => {
      await new Promise((r) => setTimeout(r, 2));
      saved.push(structuredClone(a));
    };
    const steps = fullScript().map((s, i): Step => ({ ...s, check: () => expect(saved).toHaveLength(i) }));
    const { result } = await play([...steps, { ...scoreStep, check: () => expect(saved).toHaveLength(10) }], emptyAnswers(), { rubric, onChange });
    expect(saved).toHaveLength(10);
    const ids = Object.keys(fullAnswers);
    saved.forEach((snapshot, i) => {
      expect(Object.keys(snapshot.answers)).toEqual(ids.slice(0, i + 1));
      expect(snapshot).toMatchObject({ kind: "answers", questionnaire: "tiny@1", respondent: "Test Co" });
    });
    expect(saved[3]!.answers["b.number"]).toBe(42);
    expect(saved.at(-1)).toStrictEqual(result);
  });

  it("lets the review pick a question, change its answer, and then score", async () => {
    const saved: Answers[] = [];
    const { result } = await play(
      [
        {
          kind: "select",
          match: Q.review,
          answer: choose(/^3\. How digital is management\?/),
          check: (o) => {
            expect(o.default).toBe(choose(/score them/)(o));
            expect(choiceNames(o)[0]).toMatch(/\(10 of 10 answered\)/);
            expect(choiceNames(o)).toContain("3. How digital is management? → 4/5");
            expect(choiceNames(o)).toContain("2. Which tools do you use? → A CRM; An online shop");
          },
        },
        { kind: "select", match: Q.scale, answer: 2, check: (o) => expect(o.default).toBe(4) },
        {
          kind: "select",
          match: Q.review,
          answer: choose(/^4\. What share of sales is online\?/),
          check: (o) => expect(choiceNames(o)).toContain("3. How digital is management? → 2/5"),
        },
        // The number comes back as the input's default; Enter keeps it, typing replaces it.
        { kind: "input", match: Q.number, answer: "55", check: (o) => expect(o.default).toBe("42") },
        scoreStep,
      ],
      emptyAnswers({ ...fullAnswers }),
      { rubric, onChange: (a) => void saved.push(structuredClone(a)) },
    );
    expect(result.answers).toStrictEqual({ ...fullAnswers, "b.scale": 2, "b.number": 55 });
    expect(saved.map((s) => [s.answers["b.scale"], s.answers["b.number"]])).toEqual([
      [2, 42],
      [2, 55],
    ]);
  });

  it("asks a `when` question that a change in the review reveals, then returns to the review", async () => {
    const { ["m.when"]: _hidden, ...rest } = fullAnswers;
    const { result, asker } = await play(
      [
        {
          kind: "select",
          match: Q.review,
          answer: choose(/^1\. How do you plan/),
          check: (o) => expect(choiceNames(o).join("\n")).not.toMatch(Q.when),
        },
        { kind: "select", match: Q.single, answer: "full", check: (o) => expect(o.default).toBe("none") },
        { kind: "select", match: Q.when, answer: "monthly" },
        {
          kind: "select",
          match: Q.review,
          answer: SCORE,
          check: (o) => expect(choiceNames(o)).toContain("8. How do you follow the plan up? → Monthly review"),
        },
      ],
      emptyAnswers({ ...rest, "b.single": "none" }),
    );
    expect(result.answers).toStrictEqual(fullAnswers);
    expect(asker.asked.filter((a) => Q.when.test(a.message))).toHaveLength(1);
  });

  it("keeps the note of an answer whose value is changed", async () => {
    const { result } = await play(
      [
        { kind: "select", match: Q.review, answer: choose(/^1\. How do you plan/) },
        { kind: "select", match: Q.single, answer: "some", check: (o) => expect(o.default).toBe("full") },
        { kind: "select", match: Q.review, answer: choose(/^6\. Do you know what a customer is worth/) },
        { kind: "select", match: Q.unknown, answer: choose(/^Don't know$/), check: (o) => expect(o.default).toBe("yes") },
        scoreStep,
      ],
      emptyAnswers({
        ...fullAnswers,
        "b.single": { value: "full", note: "A plan on the wall" },
        "m.unknown": { value: "yes", note: "Worked out in 2023" },
        "b.scale": { value: 4, note: "untouched" },
      }),
    );
    expect(result.answers["b.single"]).toStrictEqual({ value: "some", note: "A plan on the wall" });
    expect(result.answers["m.unknown"]).toStrictEqual({ value: "unknown", note: "Worked out in 2023" });
    expect(result.answers["b.scale"]).toStrictEqual({ value: 4, note: "untouched" });
  });

  it("validates the number input: range, whole numbers, and text", async () => {
    const steps = fullScript();
    steps[3]!.check = (o) => {
      const validate = o.validate as (t: string) => true | string;
      expect(validate("150")).toBe("Type a number from 0 to 100");
      expect(validate("-1")).toBe("Type a number from 0 to 100");
      expect(validate("7.5")).toMatch(/whole number/);
      expect(validate("lots")).toMatch(/Type a number/);
      // What JavaScript's Number() takes but nobody means: refused, not saved as 3, 1000 or 16.
      for (const odd of ["0b11", "1e3", "0x10", "1_0", "Infinity", "4 0", "40,5"]) expect(validate(odd), odd).toMatch(/^Type a number, such as 40 or 12\.5/);
      for (const fine of ["40", " 40 ", "40 %", "40%", "+40"]) expect(validate(fine), fine).toBe(true);
      expect(validate("?")).toMatch(/Type a number/); // no allowUnknown here
      expect(validate("n/a")).toMatch(/Type a number/); // and no n/a in the rubric
      expect(validate("42")).toBe(true);
      expect(validate("")).toBe(true);
    };
    await play([...steps, scoreStep]);
  });

  it("reads numbers in the audit's language: a decimal comma in Swedish, and a percent sign where the unit is %", async () => {
    const decimal: Questionnaire = structuredClone(questionnaire);
    Object.assign(decimal.sections[0]!.questions[3]!, { integer: false });
    const steps = fullScript();
    steps[3] = {
      kind: "input",
      match: /\(0–100 %/,
      answer: "40,5 %",
      check: (o) => {
        const validate = o.validate as (t: string) => true | string;
        for (const fine of ["40,5", "40.5", "40,5 %", "12"]) expect(validate(fine), fine).toBe(true);
        for (const odd of ["0b11", "1e3", "0x10", "40,5,1", "40 procent"]) expect(validate(odd), odd).toBe("Skriv ett tal, till exempel 40 eller 12,5");
        expect(validate("140,5")).toBe("Skriv ett tal från 0 till 100");
      },
    };
    const asker = new ScriptedAsker([...steps.map((st) => ({ ...st, match: /./ })), { kind: "select", match: /Gå igenom svaren/, answer: choose(/^✓ Svaren stämmer/) }]);
    const result = await interview(decimal, asker, emptyAnswers(), { rubric, lang: "sv" });
    expect(result.answers["b.number"]).toBe(40.5);
  });

  it("fails the script on a question it does not expect", async () => {
    const asker = new ScriptedAsker([{ kind: "select", match: Q.scale, answer: 3 }]);
    await expect(interview(questionnaire, asker, emptyAnswers(), { rubric })).rejects.toThrow(/unexpected prompt #1 \(select/);
    const wrongKind = new ScriptedAsker([{ kind: "input", match: Q.single, answer: "full" }]);
    await expect(interview(questionnaire, wrongKind, emptyAnswers(), { rubric })).rejects.toThrow(/expected input/);
  });

  // The review pre-fills a "don't know" number with the default "unknown", which its own validation rejects ("?" is what it accepts).
  it('keeps a "don\'t know" number when Enter is pressed on it in the review', async () => {
    const withUnknown: Questionnaire = structuredClone(questionnaire);
    Object.assign(withUnknown.sections[0]!.questions[3]!, { allowUnknown: true });
    const asker = new ScriptedAsker([
      { kind: "select", match: Q.review, answer: choose(/^4\. What share of sales is online\?/) },
      // "" stands for Enter on the pre-filled default, which the scripted asker validates as inquirer does.
      { kind: "input", match: Q.number, answer: "" },
      scoreStep,
    ]);
    const result = await interview(withUnknown, asker, emptyAnswers({ ...fullAnswers, "b.number": "unknown" }), { rubric });
    asker.assertDone();
    expect(result.answers["b.number"]).toBe("unknown");
  });

  it('offers "Not applicable to us" on a multiple-choice question whose rubric accepts n/a', async () => {
    const naMulti: Rubric = {
      ...rubric,
      dimensions: [{ id: "basics", weight: 1, questions: { "b.multi": { weight: 1, notApplicable: true } } }],
    };
    const steps = fullScript();
    steps[1] = { kind: "checkbox", match: Q.multi, answer: ["n/a"] };
    steps[6] = { kind: "select", match: Q.na, answer: false };
    const { result } = await play([...steps, scoreStep], emptyAnswers(), { rubric: naMulti });
    expect(result.answers["b.multi"]).toBe("n/a");
  });
});
