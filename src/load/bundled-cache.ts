import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loaded } from "./load.js";
import { parseYaml, type YamlSource } from "./yaml.js";

/**
 * Bundled files are validated at build time and stored as JSON beside the build, keyed by a hash of their
 * YAML; reading that is a hundred times faster than parsing and validating the YAML on every run.
 */
const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "bundled");

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function cachePath(yamlFile: string): string {
  return join(CACHE_DIR, `${yamlFile.split(/[\\/]/).slice(-2).join("-").replace(/\.ya?ml$/i, "")}.json`);
}

/** The validated value of a bundled file, when the build's copy matches the YAML on disk; otherwise undefined. */
export function readBundledCache<T>(yamlFile: string): Loaded<T> | undefined {
  const cache = cachePath(yamlFile);
  if (!existsSync(cache)) return undefined;
  try {
    const text = readFileSync(yamlFile, "utf8");
    const stored = JSON.parse(readFileSync(cache, "utf8")) as { sha256: string; value: T };
    if (stored.sha256 !== hashText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) return undefined;
    let source: YamlSource | undefined;
    return {
      value: stored.value,
      // Positions are only needed to report a problem, which a validated bundled file does not have.
      get source() {
        return (source ??= parseYaml(yamlFile, text).source);
      },
      warnings: [],
    };
  } catch {
    return undefined;
  }
}
