import type { Scorecard } from "../engine/scorecard.js";
import type { ThresholdCheck } from "../engine/thresholds.js";
import { escapeXml as x } from "./escape.js";
import { formatScore } from "./terminal.js";

/** JUnit XML: a suite per scorecard, a case per dimension target and per threshold, so dashboards show what failed. */
export function renderJunit(items: Array<{ file: string; card: Scorecard; checks: ThresholdCheck[] }>): string {
  const suites = items.map(({ file, card, checks }) => {
    const targetIdx = card.stages.findIndex((s) => s.id === card.target.stage.id);
    const cases: Array<{ name: string; failure?: string }> = card.dimensions.map((d) => {
      const ok = card.stages.findIndex((s) => s.id === d.stage.id) >= targetIdx;
      return {
        name: `${d.title} reaches ${card.target.stage.id}`,
        ...(ok ? {} : { failure: `${d.title}: stage ${d.stage.id}, score ${formatScore(d.score)}, ${Math.round(d.gap)} points short of ${card.target.stage.id}${d.blockedBy.length ? `; held back by ${d.blockedBy.join(", ")}` : ""}` }),
      };
    });
    for (const c of checks) cases.push({ name: `threshold: ${c.name}`, ...(c.passed ? {} : { failure: c.message }) });
    const failures = cases.filter((c) => c.failure).length;
    const body = cases
      .map((c) =>
        c.failure
          ? `    <testcase classname="${x(file)}" name="${x(c.name)}">\n      <failure message="${x(c.failure)}">${x(c.failure)}</failure>\n    </testcase>`
          : `    <testcase classname="${x(file)}" name="${x(c.name)}"/>`,
      )
      .join("\n");
    const name = `${file}: ${card.overall.stage.name} (${formatScore(card.overall.score)}/100)`;
    return `  <testsuite name="${x(name)}" tests="${cases.length}" failures="${failures}" errors="0">\n${body}\n  </testsuite>`;
  });
  const tests = items.reduce((n, i) => n + i.card.dimensions.length + i.checks.length, 0);
  const failures = items.reduce(
    (n, i) =>
      n +
      i.card.dimensions.filter((d) => i.card.stages.findIndex((s) => s.id === d.stage.id) < i.card.stages.findIndex((s) => s.id === i.card.target.stage.id)).length +
      i.checks.filter((c) => !c.passed).length,
    0,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="maturity-audit" tests="${tests}" failures="${failures}">\n${suites.join("\n")}\n</testsuites>\n`;
}
