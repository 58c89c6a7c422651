import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loaded } from "./load.js";
import { parseYaml, type YamlSource } from "./yaml.js";

/**
 * Bundled files are validated at build time and stored as JSON beside the build, with the YAML they came from;
 * reading that is a hundred times faster than parsing and validating the YAML on every run. Comparing the
 * stored YAML with the file on disk is exact and spares loading node:crypto for a hash.
 */
const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "bundled");

export function cachePath(yamlFile: string): string {
  return join(CACHE_DIR, `${yamlFile.split(/[\\/]/).slice(-2).join("-").replace(/\.ya?ml$/i, "")}.json`);
}

/** The validated value of a bundled file, when the build's copy matches the YAML on disk; otherwise undefined. */
export function readBundledCache<T>(yamlFile: string): Loaded<T> | undefined {
  const cache = cachePath(yamlFile);
  if (!existsSync(cache)) return undefined;
  try {
    const text = readFileSync(yamlFile, "utf8");
    const stored = JSON.parse(readFileSync(cache, "utf8")) as { yaml: string; value: T };
    if (stored.yaml !== text) return undefined;
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
