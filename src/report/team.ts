import { Chalk } from "chalk";
import Table from "cli-table3";
import type { Scorecard } from "../engine/scorecard.js";
import type { QuestionConsensus } from "../engine/merge.js";
import { escapeMarkdown as md } from "./escape.js";

import { fill, messages } from "../i18n/messages.js";
import { formatScore } from "./numbers.js";
import { stripControl as s, truncate, wrap } from "../text/terminal.js";

export interface TeamReport {
  team: Scorecard;
  respondents: Array<{ name: string; card: Scorecard }>;
  questions: QuestionConsensus[];
}

/** Per dimension: the team score, each respondent's, and the spread between the highest and the lowest. */
export function teamRows(r: TeamReport) {
  return r.team.dimensions.map((d) => {
    const scores = r.respondents.map((p) => p.card.dimensions.find((x) => x.id === d.id)?.score ?? null);
    const known = scores.filter((x): x is number => x !== null);
    return { id: d.id, title: d.title, team: d.score, stage: d.stage.id, scores, spread: known.length > 1 ? Math.round(Math.max(...known) - Math.min(...known)) : null };
  });
}

/** The questions the team disagrees on most: the first things to discuss in the workshop. */
export function disagreements(r: TeamReport, n = 5): Array<QuestionConsensus & { text: string }> {
  const text = new Map(r.team.dimensions.flatMap((d) => d.questions).map((q) => [q.id, q.text]));
  return r.questions
    .filter((q) => q.agreement !== null && q.agreement < 1 && q.type !== "text")
    .sort((a, b) => a.agreement! - b.agreement! || b.answered - a.answered || a.id.localeCompare(b.id))
    .slice(0, n)
    .map((q) => ({ ...q, text: text.get(q.id) ?? q.id }));
}

/** The team view as data: who answered, the team's scorecard, each respondent's scores, and each question's consensus. */
export function teamJson(r: TeamReport) {
  return {
    respondents: r.respondents.map((p) => p.name),
    team: r.team,
    perRespondent: r.respondents.map((p) => ({ name: p.name, overall: p.card.overall, dimensions: p.card.dimensions.map((d) => ({ id: d.id, score: d.score, stage: d.stage })) })),
    questions: r.questions,
  };
}

/** The team view as a page: the team's report with a polygon per respondent and the questions to discuss first. */
export async function renderTeamHtml(r: TeamReport): Promise<string> {
  const { renderHtml } = await import("./html.js");
  return renderHtml(r.team, {
    series: r.respondents.map((p) => ({ label: p.name, scores: Object.fromEntries(p.card.dimensions.map((d) => [d.id, d.score])) })),
    disagreements: disagreements(r),
  });
}

const pct = (a: number | null) => (a === null ? "—" : `${Math.round(a * 100)} %`);

export function renderTeamText(r: TeamReport, options: { colorLevel?: 0 | 1 | 2 | 3; width?: number } = {}): string {
  const c = new Chalk({ level: options.colorLevel ?? 0 });
  const width = Math.max(60, Math.min(options.width ?? 80, 160));
  const t = messages(r.team.lang);
  const out: string[] = [];
  out.push(c.bold(`${t.teamView} · ${s(r.team.overall.stage.name)} · ${formatScore(r.team.overall.score)}/100 · ${t.target} ${r.team.target.stage.id}`));
  out.push(...wrap(fill(t.respondentsList, { n: r.respondents.length, names: r.respondents.map((p) => s(p.name)).join(", ") }), width).map((l) => c.dim(l)), "");
  const names = r.respondents.map((p) => truncate(s(p.name), 8));
  const each = Math.max(6, Math.min(10, Math.floor((width - 40) / Math.max(1, names.length))));
  const nameW = Math.max(14, width - 6 - 8 - 8 - names.length * each - (names.length + 4));
  const table = new Table({
    head: [t.colDimension, t.colTeam, ...names, t.colSpread],
    colWidths: [nameW, 6, ...names.map(() => each), 8],
    colAligns: ["left", "right", ...names.map(() => "right" as const), "right"],
    style: { head: [], border: [], "padding-left": 1, "padding-right": 1 },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const row of teamRows(r)) {
    table.push([truncate(s(row.title), nameW - 2), c.bold(formatScore(row.team)), ...row.scores.map(formatScore), row.spread === null ? "—" : row.spread >= 25 ? c.red(String(row.spread)) : String(row.spread)]);
  }
  table.push([c.bold(t.overall), c.bold(formatScore(r.team.overall.score)), ...r.respondents.map((p) => formatScore(p.card.overall.score)), ""]);
  out.push(table.toString());
  out.push(...wrap(t.teamRule, width).map((l) => c.dim(l)));

  const top = disagreements(r);
  out.push("", c.bold(t.discussFirst));
  if (!top.length) out.push(`  ${t.teamAgrees}`);
  top.forEach((q, i) => {
    out.push(...wrap(`${i + 1}. ${s(q.text)} (${fill(t.agreement, { pct: pct(q.agreement) })})`, width).map((l, j) => (j ? "   " + l : l)).map((l) => truncate(l, width)));
    for (const d of q.distribution) out.push(...wrap(`${d.count} × ${s(d.display)}: ${d.respondents.map(s).join(", ")}`, width, "     ").map((l) => c.dim(l)));
  });

  const steps = r.team.nextSteps.slice(0, 3);
  if (steps.length) {
    out.push("", c.bold(t.teamSteps));
    steps.forEach((st, i) => out.push(...wrap(`${i + 1}. ${s(st.title)} (→ ${st.stage.id})`, width).map((l, j) => (j ? "   " + l : l))));
  }
  return out.join("\n") + "\n";
}

export function renderTeamMarkdown(r: TeamReport): string {
  const t = messages(r.team.lang);
  const out = [
    `## ${t.teamView}: ${md(r.team.overall.stage.name)}: ${formatScore(r.team.overall.score)}/100 (${t.target} ${md(r.team.target.stage.id)})`,
    "",
    md(fill(t.respondentsList, { n: r.respondents.length, names: r.respondents.map((p) => p.name).join(", ") })),
    "",
    `| ${t.colDimension} | ${t.colTeam} | ${r.respondents.map((p) => md(p.name)).join(" | ")} | ${t.colSpread} |`,
    `|---|---:|${r.respondents.map(() => "---:").join("|")}|---:|`,
    ...teamRows(r).map((row) => `| ${md(row.title)} | **${formatScore(row.team)}** | ${row.scores.map(formatScore).join(" | ")} | ${row.spread ?? "—"} |`),
    `| **${t.overall}** | **${formatScore(r.team.overall.score)}** | ${r.respondents.map((p) => formatScore(p.card.overall.score)).join(" | ")} | |`,
    "",
    `### ${t.discussFirst}`,
    "",
  ];
  const top = disagreements(r);
  if (!top.length) out.push(t.teamAgrees);
  top.forEach((q, i) => {
    out.push(`${i + 1}. **${md(q.text)}** (${fill(t.agreement, { pct: pct(q.agreement) })})`);
    for (const d of q.distribution) out.push(`   - ${d.count} × ${md(d.display)}: ${d.respondents.map(md).join(", ")}`);
  });
  return out.join("\n") + "\n";
}
