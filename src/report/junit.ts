import type { Scorecard } from "../engine/scorecard.js";
import type { ThresholdCheck } from "../engine/thresholds.js";
import { junitBatch, renderBatch } from "./batch.js";

/** JUnit XML for one or more scorecards, its words in one language. */
export function renderJunit(items: Array<{ file: string; card: Scorecard; checks: ThresholdCheck[]; noBaseline?: boolean }>, lang = "en"): string {
  return renderBatch(junitBatch({ files: items.map((i) => i.file), lang }), items) || `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="maturity-audit" tests="0" failures="0" errors="0" skipped="0">\n</testsuites>\n`;
}
