// After tsc: writes the JSON Schemas shipped in schemas/, and a validated JSON copy of each bundled
// questionnaire and rubric for fast start-up. A bundled file with any problem fails the build.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchemaFor, SCHEMA_KINDS } from "../dist/model/json-schema.js";
import { assertRubricFits, loadQuestionnaire, loadRubricFile } from "../dist/load/load.js";
import { cachePath } from "../dist/load/bundled-cache.js";
import { formatProblem } from "../dist/errors.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

for (const kind of SCHEMA_KINDS) {
  writeFileSync(join(root, "schemas", `${kind}.schema.json`), JSON.stringify(jsonSchemaFor(kind), null, 2) + "\n");
}

function store(file, loaded) {
  const out = cachePath(file);
  mkdirSync(dirname(out), { recursive: true });
  const text = readFileSync(file, "utf8");
  writeFileSync(out, JSON.stringify({ yaml: text, value: loaded.value }));
}

try {
  const questionnaires = new Map();
  for (const f of readdirSync(join(root, "questions")).filter((f) => f.endsWith(".yaml"))) {
    const file = join(root, "questions", f);
    const q = loadQuestionnaire(file);
    questionnaires.set(q.value.id, q.value);
    store(file, q);
  }
  for (const f of readdirSync(join(root, "scoring")).filter((f) => f.endsWith(".yaml"))) {
    const file = join(root, "scoring", f);
    const r = loadRubricFile(file);
    const q = questionnaires.get(r.value.questionnaire.split("@")[0]);
    if (!q) throw new Error(`${file}: its questionnaire '${r.value.questionnaire}' is not bundled`);
    assertRubricFits(r, q);
    store(file, r);
  }
} catch (err) {
  console.error(err.problems ? err.problems.map(formatProblem).join("\n") : err.message);
  process.exit(1);
}
