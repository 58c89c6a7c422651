// What an expert reviewer checks in the bundled questionnaires: questions that do not give the scoring
// away, an honest time estimate, an unscored context section, and a quick audit that reads like the full one.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bundledQuestionnairePath, bundledRubricPath } from "../../src/load/bundled.js";
import { loadQuestionnaire, loadRubricFile } from "../../src/load/load.js";
import type { Question, Questionnaire } from "../../src/model/questionnaire.js";
import type { Rubric } from "../../src/model/rubric.js";
import { conditionTests } from "../../src/load/check-questionnaire.js";
import { resolveText } from "../../src/i18n/text.js";
import { REPO_ROOT } from "../helpers/cli.js";

const LANGS = ["en", "sv", "nb", "da"] as const;
const full = loadQuestionnaire(bundledQuestionnairePath("media-house")).value;
const quick = loadQuestionnaire(bundledQuestionnairePath("media-house-quick")).value;
const rubrics = {
  "media-house": loadRubricFile(bundledRubricPath("media-house")).value,
  "relationship-first": loadRubricFile(bundledRubricPath("relationship-first")).value,
  "media-house-quick": loadRubricFile(bundledRubricPath("media-house-quick")).value,
};
const fullRubrics = [rubrics["media-house"], rubrics["relationship-first"]];

const questionsOf = (q: Questionnaire) => q.sections.flatMap((s) => s.questions);
const scoredBy = (r: Rubric) => new Set(r.dimensions.flatMap((d) => Object.keys(d.questions)));
const scoredSingles = (q: Questionnaire, r: Rubric) =>
  questionsOf(q).filter((x): x is Extract<Question, { type: "single" }> => x.type === "single" && scoredBy(r).has(x.id));
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Minutes an owner needs: 200 words a minute for what is on screen without asking for help, and 10 seconds a question. */
function minutesFor(q: Questionnaire, lang: string): number {
  const t = (x: Parameters<typeof resolveText>[0] | undefined) => (x === undefined ? "" : resolveText(x, lang));
  let count = words(t(q.title));
  for (const s of q.sections) {
    count += words(t(s.title)) + words(t(s.description));
    for (const x of s.questions) {
      count += words(t(x.text));
      if (x.type === "single" || x.type === "multi") for (const o of x.options) count += words(t(o.label));
      if (x.type === "scale") count += words(t(x.minLabel)) + words(t(x.maxLabel));
      // The interview shows these questions' help without being asked.
      if (x.type === "multi" || x.type === "number") count += words(t(x.help));
    }
  }
  return count / 200 + (questionsOf(q).length * 10) / 60;
}

describe.each([
  ["media-house", full, rubrics["media-house"]],
  ["media-house-quick", quick, rubrics["media-house-quick"]],
] as const)("%s: questions that do not lead", (_name, q, rubric) => {
  it.each(LANGS)("no help text says which answer scores or points at an option by its place (%s)", (lang) => {
    const hint = /\b(scor\w*|points?|higher|lower|better|worse|poäng|högre|lägre|bättre|poeng|høyere|lavere|bedre|højere)\b|\b(last|first) option|(sista|första|siste|første|sidste) (alternativ|mulighed)/i;
    const helps = questionsOf(q).flatMap((x) => [x.help, ...(x.type === "single" || x.type === "multi" ? x.options.map((o) => o.help) : [])]);
    const leading = helps.filter((h) => h !== undefined && hint.test(resolveText(h, lang)));
    expect(leading.map((h) => resolveText(h!, lang))).toEqual([]);
  });

  it.each(LANGS)("the most mature option is seldom the longest, and labels are of similar length (%s)", (lang) => {
    const singles = scoredSingles(q, rubric);
    const lengths = singles.map((x) => x.options.map((o) => resolveText(o.label, lang).length));
    const longestLast = lengths.filter((l) => l[l.length - 1] === Math.max(...l)).length;
    // Four options in a random order would put the longest last about a quarter of the time.
    expect(longestLast / singles.length).toBeLessThanOrEqual(0.2);
    const uneven = singles.filter((_x, i) => Math.max(...lengths[i]!) > 2 * Math.min(...lengths[i]!)).map((x) => x.id);
    expect(uneven).toEqual([]);
  });

  it("promises no fewer minutes than an owner needs, nor many more", () => {
    for (const lang of LANGS) {
      const needed = minutesFor(q, lang);
      expect(q.estimatedMinutes, lang).toBeGreaterThanOrEqual(Math.round(needed));
      expect(q.estimatedMinutes! - needed, lang).toBeLessThan(3);
    }
  });
});

describe("the full audit", () => {
  it("scores at most 35 questions, whichever bundled rubric reads it", () => {
    for (const r of fullRubrics) expect(scoredBy(r).size, r.id).toBeLessThanOrEqual(35);
  });

  it("asks sector, size and region in a context section that no rubric scores", () => {
    const context = full.sections.find((s) => s.id === "context")!;
    expect(context.questions.map((x) => x.id)).toEqual(["context.sector", "context.employees", "context.region"]);
    const sector = context.questions[0]!;
    expect(sector.type === "single" && sector.options.at(-1)!.value).toBe("other");
    const region = context.questions[2]!;
    expect(region.type === "single" && region.options.map((o) => o.value)).toEqual(["capital", "large-city", "regional-town", "rural"]);
    for (const r of Object.values(rubrics)) {
      expect(r.dimensions.map((d) => d.id), r.id).not.toContain("context");
      expect([...scoredBy(r)].filter((id) => id.startsWith("context.")), r.id).toEqual([]);
    }
  });

  it("asks about platform dependence only where platforms are used", () => {
    const q = questionsOf(full).find((x) => x.id === "channels.platform-dependence")!;
    expect(q.when).toBeDefined();
  });

  it("gives each new question a rule with expectations and a next step in both rubrics", () => {
    for (const id of ["channels.offer-context", "relationship.access-offers", "organisation.leaders-own-change"]) {
      for (const r of fullRubrics) {
        const rule = r.dimensions.flatMap((d) => Object.entries(d.questions)).find(([qid]) => qid === id)?.[1];
        expect(rule?.points, `${r.id} ${id}`).toBeDefined();
        expect(Object.keys(rule?.expects ?? {}).length, `${r.id} ${id}`).toBeGreaterThan(0);
        expect(r.nextSteps.some((s) => s.questions.includes(id)), `${r.id} ${id}`).toBe(true);
      }
    }
  });
});

describe("every bundled rubric", () => {
  it.each(Object.keys(rubrics))("%s expects answers only at its own stages", (id) => {
    const r = rubrics[id as keyof typeof rubrics];
    const stages = r.stages.map((s) => s.id);
    const keys = r.dimensions.flatMap((d) => Object.values(d.questions)).flatMap((rule) => Object.keys(rule.expects ?? {}));
    expect(keys.filter((k) => !stages.includes(k))).toEqual([]);
  });
});

describe("the quick audit", () => {
  const quickRubric = rubrics["media-house-quick"];
  const fullById = new Map(questionsOf(full).map((x) => [x.id, x]));

  it("scores 12 to 15 questions in the same four dimensions", () => {
    const n = scoredBy(quickRubric).size;
    expect(n).toBeGreaterThanOrEqual(12);
    expect(n).toBeLessThanOrEqual(15);
    expect(quickRubric.dimensions.map((d) => d.id)).toEqual(rubrics["media-house"].dimensions.map((d) => d.id));
  });

  it("asks the full audit's questions word for word, so that answers read across", () => {
    for (const x of questionsOf(quick)) expect(x, x.id).toEqual(fullById.get(x.id));
  });

  it("asks every question a gate of the full audit depends on", () => {
    const gated = new Set(fullRubrics.flatMap((r) => r.gates.flatMap((g) => conditionTests(g.when).map((t) => t.test.question))));
    const asked = new Set(questionsOf(quick).map((x) => x.id));
    expect([...gated].filter((id) => !asked.has(id))).toEqual([]);
  });

  it("has the stages and gates of the full rubric", () => {
    const strip = (r: Rubric) => r.stages.map(({ id, name, summary, min }) => ({ id, name, summary, min }));
    expect(strip(quickRubric)).toEqual(strip(rubrics["media-house"]));
    expect(quickRubric.gates).toEqual(rubrics["media-house"].gates);
  });

  it("gives every rule its expectations and every step its effort", () => {
    for (const d of quickRubric.dimensions) for (const [id, rule] of Object.entries(d.questions)) expect(rule.expects, id).toBeDefined();
    const raw = parse(readFileSync(join(REPO_ROOT, "scoring", "media-house-quick.yaml"), "utf8")) as { nextSteps: Array<{ id: string; effort?: number }> };
    expect(raw.nextSteps.filter((s) => s.effort === undefined).map((s) => s.id)).toEqual([]);
    for (const d of quickRubric.dimensions) {
      const ids = Object.keys(d.questions);
      expect(quickRubric.nextSteps.some((s) => s.questions.some((q) => ids.includes(q))), d.id).toBe(true);
    }
  });
});
