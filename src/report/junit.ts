import type { Scorecard } from "../engine/scorecard.js";
import type { ThresholdCheck } from "../engine/thresholds.js";
import { junitBatch, renderBatch } from "./batch.js";

/** JUnit XML for one or more scorecards. */
export function renderJunit(items: Array<{ file: string; card: Scorecard; checks: ThresholdCheck[] }>): string {
  return renderBatch(junitBatch(), items) || `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="maturity-audit">\n</testsuites>\n`;
}
