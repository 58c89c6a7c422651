import type { Scorecard } from "../engine/scorecard.js";
import { benchmarkOriginLine, borderlineSentences, roadmapView, stepWhere, confidenceSentence, coverageSentence, definitionSentence, dimensionRows, stageLegend, stageShort, stageWithConfidence, gateSentence, headline, lagSentence, whoLine, whySentence, wordsFor } from "./common.js";
import { fill } from "../i18n/messages.js";
import { escapeMarkdown as md } from "./escape.js";
import { formatScore } from "./numbers.js";
import { outOf, shownGap, shownScore, treeRows } from "./common.js";

const stageBadge = (stage: string, reached: boolean, blocked: boolean) => `${md(stage)}${blocked ? " 🔒" : ""}${reached ? " ✅" : ""}`;

/** A report for a pull request or a CI step summary: tables, plain-text stage badges, details collapsed. */
export function renderMarkdown(card: Scorecard, options: { steps?: number; explain?: boolean } = {}): string {
  const t = wordsFor(card);
  const out: string[] = [];
  const target = stageShort(card, card.target.stage.id);
  out.push(`## ${card.organisation ? `${md(card.organisation)}: ` : ""}${md(stageWithConfidence(card))} · ${shownScore(card, card.overall)}${outOf(card)} (${t.target} ${md(target)})`, "");
  const who = md(whoLine({ ...card, organisation: undefined }));
  out.push(`${who ? `${who} · ` : ""}${md(card.questionnaire.title)} · ${t.rubric}: ${md(card.rubric.title)}`, "");
  const legend = stageLegend(card);
  if (legend) out.push(`_${md(legend)}_`, "");
  out.push(md(headline(card)), "");
  for (const line of [confidenceSentence(card), ...borderlineSentences(card, 3)]) if (line) out.push(`> ${md(line)}`, "");
  const definition = definitionSentence(card);
  if (definition) out.push(`_${md(definition)}_`, "");
  out.push(`| ${t.colDimension} | ${t.colScore} | ${t.colStage} | ${fill(t.colGapTo, { stage: md(target) })} |`, "|---|---:|---|---:|");
  // Grouped: each group in bold, what it holds indented under it.
  for (const r of card.groups?.length ? treeRows(card) : dimensionRows(card)) {
    const level = "level" in r ? (r.level as number) : 0;
    const title = r.id === "overall" || ("kind" in r && r.kind === "group" && level === 0) ? `**${md(r.title)}**` : `${"&emsp;".repeat(level)}${md(r.title)}`;
    out.push(`| ${title} | ${r.scoreText} | ${stageBadge(r.stage, r.reached, r.blocked)} | ${r.gap > 0 ? shownGap(card, r.gap, "") : "—"} |`);
  }
  out.push("");
  const blocking = card.gates.filter((g) => g.status !== "passed");
  if (blocking.length) {
    out.push(`### ${t.blocksHeading}`, "");
    for (const g of blocking) out.push(`- ${g.status === "blocking" ? "🔒" : "❔"} ${md(gateSentence(card, g))}`);
    out.push("");
  }
  if (card.benchmark) {
    const b = card.benchmark;
    out.push(`### ${fill(t.comparedWith, { title: md(b.title) })}`, "", ...(benchmarkOriginLine(card) ? [`_${md(benchmarkOriginLine(card))}_`, ""] : []), `| | ${t.colThisAudit} | ${t.colBenchmark} | ${t.colDistance} |`, "|---|---:|---:|---:|");
    const sign = (d: number | null) => (d === null ? "—" : d > 0 ? `+${Math.round(d)}` : `${Math.round(d)}`);
    out.push(`| **${t.overall}** | ${formatScore(card.overall.score)} | ${formatScore(b.overall)} | ${sign(b.overallDistance)} |`);
    for (const d of b.dimensions) {
      const dim = card.dimensions.find((x) => x.id === d.id);
      out.push(`| ${md(dim?.title ?? d.id)} | ${formatScore(dim?.score ?? null)} | ${formatScore(d.benchmark)} | ${sign(d.distance)} |`);
    }
    out.push("");
  }
  out.push(`### ${md(fill(t.roadmapHeading, { target: stageShort(card, card.roadmap.target.id) }))}`, "");
  if (!card.nextSteps.length) out.push(md(t.nothingHolds));
  const view = roadmapView(card);
  let n = 0;
  for (const phase of view.phases) {
    out.push(`**${md(phase.heading)}**`, "");
    for (const s of phase.steps) {
      const where = stepWhere(card, s);
      out.push(`${++n}. ${s.inMinimalPlan ? "★ " : ""}**${md(s.title)}** (${md(where.dimension)} → ${md(where.stage)}; ${md(where.effort)})${s.detail ? `  \n   ${md(s.detail)}` : ""}  \n   _${md(whySentence(card, s))}_`);
    }
    out.push("");
  }
  if (view.note) out.push(`_${md(view.note)}_`, "");
  out.push("", `_${md(coverageSentence(card))}${lagSentence(card) ? ` ${md(lagSentence(card)!)}` : ""}_`, "");
  out.push(`<details><summary>${md(t.explainHeading)}</summary>`, "");
  for (const d of card.dimensions) {
    out.push(`#### ${md(d.title)}: ${shownScore(card, d)}${outOf(card)}`, "", `| ${t.colQuestion} | ${t.colAnswer} | ${t.colPoints} | ${t.colWeight} | ${t.colAdds} |`, "|---|---|---:|---:|---:|");
    for (const q of d.questions) {
      if (q.weight === 0 && q.points === null) continue;
      out.push(
        `| ${md(q.text)} | ${md(q.display)}${q.note ? ` (${md(q.note)})` : ""} | ${q.points === null ? "—" : Math.round(q.points)} | ${q.weight} | ${q.points === null ? "—" : q.contribution.toFixed(1)} |`,
      );
    }
    out.push("");
  }
  out.push("</details>", "");
  return out.join("\n");
}

