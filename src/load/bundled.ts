import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root, from dist/load/ or src/load/. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const BUNDLED_QUESTIONNAIRES = ["media-house", "media-house-quick"] as const;

export function bundledQuestionnairePath(name: string): string {
  return join(PACKAGE_ROOT, "questions", `${name}.yaml`);
}

export function bundledRubricPath(name: string): string {
  return join(PACKAGE_ROOT, "scoring", `${name}.yaml`);
}

/** A bare name (no slash, no extension) that is not a file here means a bundled file. */
export function looksLikeName(arg: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(arg) && !/\.(ya?ml|m?js|cjs)$/i.test(arg) && !existsSync(arg);
}

export const BUNDLED_BENCHMARKS = ["regional-average", "capital-leader"] as const;

export function bundledBenchmarkPath(name: string): string {
  return join(PACKAGE_ROOT, "benchmarks", `${name}.yaml`);
}
