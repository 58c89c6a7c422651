// The quick audit asks 14 of the full audit's questions: for each business, its answers to those give the stage an expert expects.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { bundledQuestionnairePath, bundledRubricPath, loadAnswers, loadQuestionnaire, loadRubric, renderText, scoreAnswers, type Answers } from "../../src/index.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const quick = loadQuestionnaire(bundledQuestionnairePath("media-house-quick")).value;
const quickRubric = loadRubric(bundledRubricPath("media-house-quick")).value;
const quickIds = new Set(quick.sections.flatMap((s) => s.questions.map((q) => q.id)));
const expectations = parse(readFileSync(join(HERE, "expectations.yaml"), "utf8")) as { fixtures?: unknown } | Array<{ file: string; stage: Record<string, string> }>;
const list = (Array.isArray(expectations) ? expectations : (expectations as { fixtures: Array<{ file: string; stage: Record<string, string> }> }).fixtures) ?? [];

/** The same business answering the quick audit: its answers to the questions both audits ask. */
function asQuick(a: Answers): Answers {
  return { ...a, questionnaire: `${quick.id}@${quick.revision}`, answers: Object.fromEntries(Object.entries(a.answers).filter(([id]) => quickIds.has(id))) };
}

describe("the quick audit agrees with the full audit", () => {
  it("has fixtures to check", () => expect(list.length).toBeGreaterThanOrEqual(10));
  it.each(list.map((e) => [e.file, e] as const))("%s", (file, e) => {
    const card = scoreAnswers(quick, quickRubric, asQuick(loadAnswers(join(HERE, file)).value));
    expect(card.overall.stage.id, `quick audit of ${file}: ${card.overall.score}`).toBe(e.stage["media-house"]);
    // The report names the audit it came from.
    expect(renderText(card)).toContain(card.questionnaire.title);
  });
});
