import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { existsSync } from "node:fs";
import { PluginError, UsageError } from "../errors.js";
import { scoringRubricSchema, type ScoringRubric } from "./rubric.js";

export const PLUGIN_EXTENSIONS = /\.(m?js|cjs)$/i;

/** Imports a rubric module named explicitly on the command line; whatever goes wrong is the plugin's fault, by name. */
export async function loadRubricPlugin(file: string): Promise<ScoringRubric> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`rubric module ${file} does not exist`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (err) {
    throw new PluginError(`rubric module ${file} failed to load: ${(err as Error)?.message ?? String(err)}`);
  }
  const candidate = (mod.default ?? mod.rubric) as unknown;
  const parsed = scoringRubricSchema.safeParse(candidate);
  if (!parsed.success) {
    const why = parsed.error.issues.slice(0, 4).map((i) => `${i.path.join(".") || "export"}: ${i.message}`).join("; ");
    throw new PluginError(`rubric module ${file} does not export a rubric (export default { id, title, questionnaire, stages, defaultTarget, evaluate }): ${why}`);
  }
  const rubric = candidate as ScoringRubric;
  const ids = rubric.stages.map((s) => s.id);
  if (!ids.includes(rubric.defaultTarget)) throw new PluginError(`rubric module ${file}: defaultTarget '${rubric.defaultTarget}' is not one of its stages (${ids.join(", ")})`);
  if (rubric.stages[0]!.min !== 0 || rubric.stages.some((s, i) => i > 0 && s.min <= rubric.stages[i - 1]!.min)) {
    throw new PluginError(`rubric module ${file}: stages must start at 0 and rise`);
  }
  return rubric;
}
