// Preloaded by the benchmark: reports the process's peak memory on exit.
import { writeSync } from "node:fs";

process.on("exit", () => writeSync(2, `\nbench-max-rss-kb ${process.resourceUsage().maxRSS}\n`));
