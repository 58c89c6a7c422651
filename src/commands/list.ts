
import { bundledQuestionnairePath, bundledRubricPath, BUNDLED_QUESTIONNAIRES } from "../load/bundled.js";
import { loadQuestionnaire, loadRubricFile } from "../load/load.js";
import { readBundledCache } from "../load/bundled-cache.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";
import { BUNDLED_RUBRICS } from "../engine/registry.js";
import { resolveText } from "../i18n/text.js";
import { LANGUAGES } from "../i18n/messages.js";
import { type Io } from "./io.js";

export function runList(opts: { format: "text" | "json"; lang?: string }, io: Io): void {
  const lang = opts.lang ?? "en";
  const questionnaires = BUNDLED_QUESTIONNAIRES.map((id) => {
    // The build's parsed copies, as score reads them: parsing the YAML again would double the run.
    const file = bundledQuestionnairePath(id);
    const q = (readBundledCache<Questionnaire>(file) ?? loadQuestionnaire(file)).value;
    return {
      id,
      revision: q.revision,
      title: resolveText(q.title, lang),
      sections: q.sections.length,
      questions: q.sections.reduce((n, s) => n + s.questions.length, 0),
      languages: q.languages,
      estimatedMinutes: q.estimatedMinutes,
    };
  });
  const rubrics = BUNDLED_RUBRICS.map((r) => {
    const file = bundledRubricPath(r.id);
    const rubric = (readBundledCache<Rubric>(file) ?? loadRubricFile(file)).value;
    return { id: r.id, questionnaire: r.questionnaire, title: resolveText(rubric.title, lang), summary: r.summary, stages: rubric.stages.map((s) => s.id) };
  });
  if (opts.format === "json") {
    io.out(JSON.stringify({ questionnaires, rubrics, languages: LANGUAGES }, null, 2) + "\n");
    return;
  }
  const out = ["Questionnaires (--questionnaire NAME)"];
  for (const q of questionnaires)
    out.push(`  ${q.id.padEnd(20)} ${q.title}: ${q.questions} questions in ${q.sections} sections${q.estimatedMinutes ? `, about ${q.estimatedMinutes} minutes` : ""} [${q.languages.join(", ")}]`);
  out.push("", "Rubrics (--rubric NAME; the first for a questionnaire is its default)");
  for (const r of rubrics) out.push(`  ${r.id.padEnd(20)} ${r.title}, for ${r.questionnaire}; stages ${r.stages.join(" / ")}`, `  ${"".padEnd(20)} ${r.summary}`);
  out.push("", `Languages (--lang): ${LANGUAGES.join(", ")}`);
  io.out(out.join("\n") + "\n");
}
