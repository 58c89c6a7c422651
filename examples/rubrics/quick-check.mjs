// A rubric written in JavaScript instead of YAML, for the bundled media-house questionnaire.
//
// "Quick check" ignores fine-grained points: a question counts as done when its answer sits in
// the upper half of its options or scale, and a dimension's score is the share of its questions
// that are done. It shows everything a plugin can do: stages, gates, next steps, 'n/a'.
//
//   maturity-audit score test/fixtures/mixed-regional-shop.yaml --rubric examples/rubrics/quick-check.mjs
//
// A plugin is plain ESM with no imports: export the rubric as default (or as `rubric`).
// The CLI loads it only when named with --rubric, says so on stderr, checks what `evaluate`
// returns, and gives up on an `evaluate` that does not return within a few seconds.

const STAGES = [
  { id: "before-1.0", name: "Before 1.0: traditional", min: 0, summary: "Fewer than a third of the practices are in place." },
  { id: "1.0", name: "Media house 1.0: the newsroom", min: 34, summary: "A third of the practices are in place." },
  { id: "2.0", name: "Media house 2.0: the direct relationship", min: 60, summary: "Most practices are in place." },
  { id: "3.0", name: "Media house 3.0: the retention universe", min: 85, summary: "Nearly every practice is in place." },
];

/** A text that may be one string or a map per language. */
function textIn(text, lang) {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? "";
}

/**
 * Whether an answer sits in the upper half of what the question offers; undefined when the
 * question has no "upper half" (numbers, whose direction the questionnaire does not say, and text).
 */
function inUpperHalf(question, value) {
  switch (question.type) {
    case "single": {
      const i = question.options.findIndex((o) => o.value === value);
      return i >= question.options.length / 2;
    }
    case "multi":
      return Array.isArray(value) && value.length >= question.options.length / 2;
    case "scale":
      return typeof value === "number" && value >= (question.min + question.max) / 2;
    case "boolean":
      return value === true;
    default:
      return undefined;
  }
}

/** How far along its options an answer sits, 0 (least mature) to 1; for ordering the next steps. */
function position(question, value) {
  if (question.type === "single") return Math.max(0, question.options.findIndex((o) => o.value === value)) / (question.options.length - 1);
  if (question.type === "multi") return Array.isArray(value) ? value.length / question.options.length : 0;
  if (question.type === "scale") return typeof value === "number" ? (value - question.min) / (question.max - question.min) : 0;
  return value === true ? 1 : 0;
}

/** A gate: blocking when the answer is one of `values`, unverified while unanswered. */
function gate(input, id, blocks, question, values, reason) {
  const entry = input.sheet.get(question);
  let status = "unverified";
  if (entry?.status === "answered") status = values.includes(entry.value) ? "blocking" : "passed";
  else if (entry?.status === "hidden" || entry?.status === "not-applicable") status = "passed";
  return { id, blocks, reason, status, questions: [question] };
}

/** @type {import("maturity-audit").ScoringRubric} */
const rubric = {
  id: "quick-check",
  title: "Quick check (upper half of each answer)",
  questionnaire: "media-house",
  stages: STAGES,
  defaultTarget: "2.0",
  unknown: "zero",
  notApplicable: ["channels.cut-traditional"],

  evaluate(input) {
    const dimensions = [];
    const nextSteps = [];
    for (const section of input.questionnaire.sections) {
      // The context section describes the business (sector, size, region); it is no practice to score.
      if (section.id === "context") continue;
      const questions = [];
      const behind = [];
      for (const question of section.questions) {
        const entry = input.sheet.get(question.id);
        // Numbers and free text have no upper half here: this rubric leaves them out.
        if (question.type === "number" || question.type === "text") continue;
        let points = null;
        if (entry.status === "unknown") points = 0;
        else if (entry.status === "answered") points = inUpperHalf(question, entry.value) ? 100 : 0;
        questions.push({ id: question.id, points, weight: 1 });
        if (points === 0) behind.push({ id: question.id, at: entry.status === "answered" ? position(question, entry.value) : 0 });
      }
      if (!questions.length) continue;
      dimensions.push({ id: section.id, weight: 1, questions });

      // One step per dimension: the stage its share of "done" questions reaches next.
      const counted = questions.filter((q) => q.points !== null);
      const share = counted.length ? (100 * counted.filter((q) => q.points === 100).length) / counted.length : 0;
      const next = STAGES.find((s) => s.min > share);
      if (next && behind.length) {
        behind.sort((a, b) => a.at - b.at);
        const title = textIn(section.title, input.lang);
        nextSteps.push({
          id: `quick-check-${section.id}`,
          dimension: section.id,
          stage: next.id,
          title: `Move ${behind.length === 1 ? "one answer" : `${behind.length} answers`} in "${title}" into the upper half`,
          detail: `Start with the answers furthest behind. ${Math.round(share)}% of this dimension's practices are in place; ${next.id} needs ${next.min}%.`,
          questions: behind.map((b) => b.id),
        });
      }
    }

    const gates = [
      gate(input, "no-measurement", "1.0", "data.campaign-measurement", ["not-measured", "estimated"], "Nobody knows what campaigns achieve."),
      gate(input, "no-customer-list", "2.0", "relationship.customer-data", ["not-kept", "scattered"], "There is no customer list of your own."),
    ];
    return { dimensions, gates, nextSteps };
  },
};

export default rubric;
