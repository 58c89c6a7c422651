// The order in which a single choice's options reach the screen: fixed per question, about half of them
// turned, and without any effect on what is stored.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { displayOrder, showsReversed } from "../../src/interview/display-order.js";
import { interview } from "../../src/interview/interview.js";
import type { Asker } from "../../src/interview/asker.js";
import { bundledQuestionnairePath } from "../../src/load/bundled.js";
import { loadAnswersFile, loadQuestionnaire } from "../../src/load/load.js";
import type { Answers, AnswerValue } from "../../src/model/answers.js";
import type { Question } from "../../src/model/questionnaire.js";
import { NOT_APPLICABLE, UNKNOWN, readAnswer } from "../../src/model/answer-values.js";
import { resolveText } from "../../src/i18n/text.js";
import { FIXTURES } from "../helpers/cli.js";

const questionnaire = loadQuestionnaire(bundledQuestionnairePath("media-house")).value;
const singles = questionnaire.sections.flatMap((s) => s.questions).filter((q): q is Extract<Question, { type: "single" }> => q.type === "single");
const single = (id: string) => singles.find((q) => q.id === id)!;
const shown = (id: string) => displayOrder(id, single(id).options).map((o) => o.value);

describe("display order of single choices", () => {
  it("turns some known questions and leaves others in the file's order", () => {
    expect(shown("organisation.pr-goals")).toEqual(["no-goals", "attention", "customer-actions", "sales"]);
    expect(shown("relationship.win-back")).toEqual(["owned-only", "mostly-owned", "mostly-paid", "paid-ads", "nothing-specific"]);
    expect(shown("data.campaign-measurement")).toEqual(["not-measured", "estimated", "reach-reports", "results-tracked", "results-compared"]);
    expect(shown("relationship.customer-data")).toEqual(["crm-in-daily-use", "crm", "one-list", "scattered", "not-kept"]);
  });

  it("turns about half the bundled questions, so the least mature answer is not always first", () => {
    const turned = singles.filter((q) => showsReversed(q.id)).length;
    expect(turned / singles.length).toBeGreaterThan(0.35);
    expect(turned / singles.length).toBeLessThan(0.65);
    const firstIsLeastMature = singles.filter((q) => shown(q.id)[0] === q.options[0]!.value).length;
    expect(firstIsLeastMature).toBeLessThan(singles.length);
    expect(firstIsLeastMature).toBeGreaterThan(0);
  });

  it("is the same on every call and never changes the file's order", () => {
    const before = single("relationship.win-back").options.map((o) => o.value);
    expect(shown("relationship.win-back")).toEqual(shown("relationship.win-back"));
    expect(single("relationship.win-back").options.map((o) => o.value)).toEqual(before);
  });

  it('keeps a catch-all "other" last when the rest is turned', () => {
    expect(showsReversed("context.sector")).toBe(true);
    const order = shown("context.sector");
    expect(order.at(-1)).toBe("other");
    expect(order[0]).toBe("health");
    expect(order.slice(0, -1)).toEqual(single("context.sector").options.slice(0, -1).map((o) => o.value).reverse());
  });
});

/** An answer without its note, as the interview stores it: the value, or "unknown" / "n/a". */
function plain(q: Question, answer: Answers["answers"][string]): AnswerValue | undefined {
  const a = readAnswer(answer, q);
  return a.kind === "value" ? a.value : a.kind === "unknown" ? UNKNOWN : a.kind === "na" ? NOT_APPLICABLE : undefined;
}

/** Answers every prompt from an answers file, by value, and records the order each single choice was shown in. */
function replay(answers: Answers["answers"]): Asker & { orders: Map<string, unknown[]> } {
  const questions = questionnaire.sections.flatMap((s) => s.questions);
  const questionOf = (message: string) => questions.find((q) => message.includes(resolveText(q.text, "en")));
  const orders = new Map<string, unknown[]>();
  return {
    orders,
    async select(o) {
      const q = questionOf(o.message);
      // The review: accept the answers as they are.
      if (!q) return o.choices[0]!.value;
      if (q.type === "single") orders.set(q.id, o.choices.map((c) => c.value).filter((v) => q.options.some((x) => x.value === v)));
      const v = plain(q, answers[q.id]);
      return o.choices.find((c) => c.value === v)!.value;
    },
    async checkbox(o) {
      const q = questionOf(o.message)!;
      return plain(q, answers[q.id]) as never;
    },
    async input(o) {
      const q = questionOf(o.message)!;
      return String(plain(q, answers[q.id]) ?? "");
    },
    async confirm() {
      return true;
    },
    note() {},
  };
}

describe("an interview with turned options", () => {
  it("stores the same answers as the file it was answered from", async () => {
    const fixture = loadAnswersFile(join(FIXTURES, "mixed-regional-shop.yaml")).value;
    const asker = replay(fixture.answers);
    const result = await interview(questionnaire, asker, { kind: "answers", version: 1, questionnaire: "media-house", answers: {} });
    const expected = Object.fromEntries(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, plain(q, fixture.answers[q.id])]));
    expect(Object.keys(expected)).toHaveLength(39);
    expect(result.answers).toEqual(expected);
    // The respondent saw win-back most mature first and PR goals least mature first; the stored values are the same.
    expect(asker.orders.get("relationship.win-back")![0]).toBe("owned-only");
    expect(asker.orders.get("organisation.pr-goals")![0]).toBe("no-goals");
  });
});
