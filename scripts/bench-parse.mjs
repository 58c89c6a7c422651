// The benchmark's floor for batch scoring: only reading and parsing the same files with yaml.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir).sort()) {
  parse(readFileSync(join(dir, f), "utf8"));
  n++;
}
process.stdout.write(`${n}\n`);
