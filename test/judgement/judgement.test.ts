// Judgement tests: each business in this folder is scored under both bundled
// rubrics and held to the verdict an expert expects (expectations.yaml).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import * as z from "zod";
import { chai, describe, expect, it } from "vitest";
import {
  answerValueSchema,
  Audit,
  bundledQuestionnairePath,
  bundledRubricPath,
  loadAnswers,
  loadQuestionnaire,
  loadRubric,
  renderText,
  scoreAnswers,
  type Answers,
  type Questionnaire,
  type Rubric,
  type Scorecard,
} from "../../src/index.js";

// Failures list question ids and phrases: show them whole.
chai.config.truncateThreshold = 0;

const HERE = dirname(fileURLToPath(import.meta.url));
const RUBRICS = ["media-house", "relationship-first"] as const;
type RubricId = (typeof RUBRICS)[number];
const LANGS = ["en", "sv", "nb", "da"] as const;
type Lang = (typeof LANGS)[number];

/**
 * Checks the engine gets wrong today, as "file / rubric / check". Each runs as
 * it.fails, so the suite stays green and a fix shows up as a failure here:
 * take the entry out when it does.
 */
const KNOWN_WRONG_TODAY: readonly string[] = [
  // Owning some contacts is the model's 2.0 step, but the bakery's score stays below either rubric's 2.0 band.
  "borderline-bakery.yaml / media-house / movedBy",
  "borderline-bakery.yaml / media-house / borderline",
  "borderline-bakery.yaml / relationship-first / movedBy",
  "borderline-bakery.yaml / relationship-first / borderline",
];

const phraseSchema = z.union([
  z.string().min(3),
  z.strictObject({ en: z.string().min(3).optional(), sv: z.string().min(3).optional(), nb: z.string().min(3).optional(), da: z.string().min(3).optional() }),
]);
const moveSchema = z.strictObject({ question: z.string(), answer: answerValueSchema, stage: z.string() });
const expectationSchema = z
  .strictObject({
    file: z.string().regex(/^[a-z0-9-]+\.yaml$/),
    description: z.string().refine((s) => s.trim().split("\n").length === 2, "the description takes two lines"),
    stage: z.strictObject({ "media-house": z.string(), "relationship-first": z.string() }),
    confirmed: z.boolean(),
    settle: z.array(z.string()).default([]),
    borderline: z.boolean(),
    movedBy: z.array(moveSchema).default([]),
    mustAddress: z.array(z.string()).min(1),
    mustNotClaim: z.array(phraseSchema).default([]),
  })
  .refine((e) => e.confirmed === (e.settle.length === 0), "an unconfirmed stage names the answers that settle it, and only then")
  .refine((e) => e.borderline === (e.movedBy.length > 0), "a borderline verdict names the answer that moves it, and only then");
type Expectation = z.infer<typeof expectationSchema>;

const expectations = z.strictObject({ fixtures: z.array(expectationSchema).min(10) }).parse(parse(readFileSync(join(HERE, "expectations.yaml"), "utf8"))).fixtures;

const questionnaire: Questionnaire = loadQuestionnaire(bundledQuestionnairePath("media-house")).value;
const rubrics: Record<RubricId, Rubric> = {
  "media-house": loadRubric(bundledRubricPath("media-house")).value,
  "relationship-first": loadRubric(bundledRubricPath("relationship-first")).value,
};
const questions = new Map(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));

const loaded = new Map(expectations.map((e) => [e.file, loadAnswers(join(HERE, e.file))]));
const answersOf = (e: Expectation): Answers => loaded.get(e.file)!.value;
const isLang = (l: string): l is Lang => (LANGS as readonly string[]).includes(l);
function langOf(e: Expectation): Lang {
  const lang = answersOf(e).lang ?? "en";
  if (!isLang(lang)) throw new Error(`${e.file}: the report languages are ${LANGS.join(", ")}, not ${lang}`);
  return lang;
}

const cards = new Map<string, Scorecard>();
/** The scorecard of a fixture under a rubric, in the fixture's own language unless told otherwise. */
function cardFor(e: Expectation, rubric: RubricId, lang: Lang = langOf(e)): Scorecard {
  const key = `${e.file}/${rubric}/${lang}`;
  let card = cards.get(key);
  if (!card) cards.set(key, (card = scoreAnswers(questionnaire, rubrics[rubric], answersOf(e), { lang })));
  return card;
}

/** The text report as one line: wrapping and table cells must not hide a phrase. */
const flat = (s: string) => s.replace(/\s+/g, " ").toLowerCase();
const reportOf = (e: Expectation, rubric: RubricId, lang: Lang = langOf(e)) => flat(renderText(cardFor(e, rubric, lang), { width: 80 }));

const questionText = (id: string, lang: Lang): string => {
  const text = questions.get(id)!.text;
  return typeof text === "string" ? text : (text[lang] ?? text.en ?? "");
};

function withAnswer(answers: Answers, question: string, value: unknown): Answers {
  return { ...answers, answers: { ...answers.answers, [question]: value as Answers["answers"][string] } };
}

// The shapes the checks below expect of fields the scorecard does not have yet;
// a card whose field has another shape fails loudly here rather than passing.
const questionRef = z.union([z.string(), z.looseObject({ question: z.string() }).transform((x) => x.question)]);
const confidenceShape = z.looseObject({
  confirmed: z.boolean(),
  settle: z.array(questionRef).default([]),
  borderline: z.boolean(),
  movers: z.array(questionRef).default([]),
});
const stepShape = z.looseObject({
  because: z.array(z.looseObject({ question: z.string() })).optional(),
  questions: z.array(z.string()).optional(),
});
const roadmapShape = z.union([
  z.array(stepShape),
  z.looseObject({ steps: z.array(stepShape) }).transform((r) => r.steps),
  z.looseObject({ phases: z.array(z.looseObject({ steps: z.array(stepShape) })) }).transform((r) => r.phases.flatMap((p) => p.steps)),
]);
// The scorecard's verdict (overall.confidence and overall.borderline) in the shape these checks read.
const confidenceOf = (card: Scorecard): unknown => {
  const o = card.overall;
  if (!o.confidence) return undefined;
  const b = o.borderline;
  return {
    confirmed: o.confidence.status === "confirmed",
    settle: o.confidence.settle,
    borderline: !!(b?.up || b?.down),
    movers: [...(b?.up?.moves ?? []), ...(b?.down?.moves ?? [])].map((m) => m.question),
  };
};
// Every step of the roadmap, in order, is in nextSteps; the roadmap itself holds their ids by phase.
const roadmapOf = (card: Scorecard): unknown => (card.roadmap ? card.nextSteps : undefined);
const roadmapQuestions = (card: Scorecard): Set<string> =>
  new Set(roadmapShape.parse(roadmapOf(card)).flatMap((s) => [...(s.because ?? []).map((b) => b.question), ...(s.questions ?? [])]));

const caseKeys = new Set<string>();
/** Registers one check; a check listed in KNOWN_WRONG_TODAY must fail. */
function check(e: Expectation, rubric: RubricId, name: string, fn: () => void, skip = false): void {
  const key = `${e.file} / ${rubric} / ${name}`;
  caseKeys.add(key);
  const title = `${rubric}: ${name}`;
  if (skip) it.skipIf(true)(title, fn);
  else if (KNOWN_WRONG_TODAY.includes(key)) it.fails(title, fn);
  else it(title, fn);
}

describe("the fixtures and their expectations", () => {
  it("every answers file in this folder has an expectation, and every expectation a file", () => {
    const files = readdirSync(HERE).filter((f) => f.endsWith(".yaml") && f !== "expectations.yaml").sort();
    expect(expectations.map((e) => e.file).sort()).toEqual(files);
  });

  it("every question an expectation names is in the questionnaire", () => {
    const named = expectations.flatMap((e) => [...e.settle, ...e.mustAddress, ...e.movedBy.map((m) => m.question)]);
    expect(named.filter((id) => !questions.has(id))).toEqual([]);
  });

  it("every stage an expectation names is a stage of its rubric", () => {
    for (const e of expectations) {
      for (const r of RUBRICS) {
        const ids = rubrics[r].stages.map((s) => s.id);
        expect(ids, `${e.file} under ${r}`).toContain(e.stage[r]);
        for (const m of e.movedBy) expect(ids, `${e.file}: ${m.question}`).toContain(m.stage);
      }
    }
  });

  describe.each(expectations.map((e) => [e.file, e] as const))("%s", (_file, e) => {
    it("loads and fits the questionnaire and both rubrics without a warning", async () => {
      expect(loaded.get(e.file)!.warnings).toEqual([]);
      for (const r of RUBRICS) expect((await new Audit({ rubric: r, today: "2026-12-01" }).check(loaded.get(e.file)!)).warnings).toEqual([]);
    });

    it("answers every question it is shown, except those its expectation says are left open", () => {
      const card = cardFor(e, "media-house");
      // Free text is optional and scores nothing.
      const open = card.dimensions
        .flatMap((d) => d.questions)
        .filter((q) => q.type !== "text" && (q.status === "missing" || q.status === "unknown"))
        .map((q) => q.id);
      expect(open.sort()).toEqual([...e.settle].sort());
    });

    it("a move names a different answer from the one given, and one its question accepts", () => {
      for (const m of e.movedBy) {
        expect(answersOf(e).answers[m.question], m.question).not.toEqual(m.answer);
        const q = questions.get(m.question)!;
        if (q.type === "single") expect(q.options.map((o) => o.value)).toContain(m.answer);
      }
    });
  });
});

describe.each(expectations.map((e) => [e.file, e] as const))("judgement: %s", (_file, e) => {
  for (const rubric of RUBRICS) {
    const card = cardFor(e, rubric);

    check(e, rubric, "stage", () => {
      expect(card.overall.stage.id).toBe(e.stage[rubric]);
    });

    check(e, rubric, "mustAddress", () => {
      const addressed = new Set(card.nextSteps.flatMap((s) => s.because.map((b) => b.question)));
      expect(e.mustAddress.filter((id) => !addressed.has(id)).join(", "), "weak answers with no step in the plan").toBe("");
    });

    if (e.mustNotClaim.length) {
      check(e, rubric, "mustNotClaim", () => {
        const claimed: string[] = [];
        for (const lang of LANGS) {
          const phrases = e.mustNotClaim.flatMap((p) => (typeof p === "string" ? (lang === "en" ? [p] : []) : p[lang] ? [p[lang]] : []));
          if (!phrases.length) continue;
          const report = reportOf(e, rubric, lang);
          for (const p of phrases) if (report.includes(flat(p))) claimed.push(`${lang}: ${p}`);
        }
        expect(claimed.join("; "), "the report asserts what the answers deny").toBe("");
      });
    }

    if (e.settle.length) {
      check(e, rubric, "names the answer that settles the stage", () => {
        const lang = langOf(e);
        const report = reportOf(e, rubric, lang);
        // A long question may be shortened in the report; its opening words still name it.
        const unnamed = e.settle.filter((id) => !report.includes(id.toLowerCase()) && !report.includes(flat(questionText(id, lang)).slice(0, 40)));
        expect(unnamed.join(", "), "answers the report should ask for").toBe("");
      });
    }

    if (e.movedBy.length) {
      check(e, rubric, "movedBy", () => {
        // The answer must move the verdict the tool gives, not only land where a wrong verdict already is.
        const wrong = e.movedBy.flatMap((m) => {
          const moved = scoreAnswers(questionnaire, rubrics[rubric], withAnswer(answersOf(e), m.question, m.answer)).overall.stage.id;
          if (moved === m.stage && moved !== card.overall.stage.id) return [];
          return [`${m.question}: ${JSON.stringify(m.answer)} gives ${moved} (from ${card.overall.stage.id}), not ${m.stage}`];
        });
        expect(wrong.join("; ")).toBe("");
      });
    }

    check(
      e,
      rubric,
      "confirmation",
      () => {
        const c = confidenceShape.parse(confidenceOf(card));
        expect(c.confirmed).toBe(e.confirmed);
        expect(e.settle.filter((id) => !c.settle.includes(id)).join(", "), "answers that would settle the stage").toBe("");
      },
      confidenceOf(card) === undefined,
    );

    check(
      e,
      rubric,
      "borderline",
      () => {
        const c = confidenceShape.parse(confidenceOf(card));
        expect(c.borderline).toBe(e.borderline);
        expect(e.movedBy.map((m) => m.question).filter((id) => !c.movers.includes(id)).join(", "), "answers that would move the verdict").toBe("");
      },
      confidenceOf(card) === undefined,
    );

    check(
      e,
      rubric,
      "roadmap",
      () => {
        const planned = roadmapQuestions(card);
        expect(e.mustAddress.filter((id) => !planned.has(id)).join(", "), "weak answers with no step in the roadmap").toBe("");
      },
      roadmapOf(card) === undefined,
    );
  }
});

describe("the list of checks known to be wrong today", () => {
  it("names only checks that exist", () => {
    expect(KNOWN_WRONG_TODAY.filter((k) => !caseKeys.has(k))).toEqual([]);
  });
});
