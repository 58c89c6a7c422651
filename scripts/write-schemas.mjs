// Writes the JSON Schemas shipped in schemas/ from the zod models in the build.
import { writeFileSync } from "node:fs";
import { jsonSchemaFor, SCHEMA_KINDS } from "../dist/commands/schema.js";

for (const kind of SCHEMA_KINDS) {
  writeFileSync(new URL(`../schemas/${kind}.schema.json`, import.meta.url), JSON.stringify(jsonSchemaFor(kind), null, 2) + "\n");
}
