// A questionnaire that shares its options through answer sets loads to the same model as the same
// questionnaire with every question's options written out, overrides applied.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { stringify } from "yaml";
import { parseFile } from "../../src/load/load.js";
import { prop } from "../helpers/property.js";

type Opt = { value: string | number; label: string; help?: string };

const arbValue = fc.oneof(fc.constantFrom(0, 0.25, 0.5, 1, 2, 10), fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/));
const arbOption = fc.record({ value: arbValue, label: fc.string({ minLength: 1, maxLength: 8 }), help: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }) });
// Distinct values, as a questionnaire needs (1 and "1" are one value).
const arbSet = fc.uniqueArray(arbOption, { minLength: 2, maxLength: 5, selector: (o) => String(o.value) });
const arbQuestion = fc.record({
  type: fc.constantFrom("single", "multi"),
  set: fc.nat(2),
  // Which options to reword, by position, and how.
  overrides: fc.array(fc.record({ at: fc.nat(4), label: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }), help: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }) }), { maxLength: 3 }),
});
const arbModel = fc.record({ sets: fc.array(arbSet, { minLength: 3, maxLength: 3 }), sections: fc.array(fc.array(arbQuestion, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 }) });

const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

describe("answer sets", () => {
  prop([arbModel], { numRuns: 8 })("load to the model written out in full", ({ sets, sections }) => {
    const names = ["grade", "yes-no", "scale-5"];
    const shared: unknown[] = [];
    const full: unknown[] = [];
    sections.forEach((qs, si) => {
      const withSets: unknown[] = [];
      const written: unknown[] = [];
      qs.forEach((q, qi) => {
        const set = sets[q.set]!.map((o) => clean(o));
        const options: Opt[] = set.map((o) => ({ ...o }));
        const overrides: Opt[] = [];
        const seen = new Set<number>();
        for (const o of q.overrides) {
          const at = o.at % set.length;
          if (seen.has(at) || (o.label === undefined && o.help === undefined)) continue;
          seen.add(at);
          overrides.push(clean({ value: set[at]!.value, label: o.label!, help: o.help }));
          options[at] = clean({ ...options[at]!, ...clean({ label: o.label!, help: o.help }) });
        }
        const base = { id: `s${si}.q${qi}`, type: q.type, text: `Question ${qi}` };
        withSets.push({ ...base, answerSet: names[q.set], ...(overrides.length ? { overrides } : {}) });
        written.push({ ...base, options });
      });
      shared.push({ id: `s${si}`, title: `Section ${si}`, questions: withSets });
      full.push({ id: `s${si}`, title: `Section ${si}`, questions: written });
    });
    const head = { kind: "questionnaire", version: 1, id: "p", title: "P" };
    const used = new Set(sections.flatMap((qs) => qs.map((q) => q.set)));
    const answerSets = Object.fromEntries(names.map((n, i) => [n, sets[i]!.map((o) => clean(o))]).filter((_, i) => used.has(i)));
    const a = parseFile("questionnaire", "sets.yaml", stringify({ ...head, answerSets, sections: shared }));
    const b = parseFile("questionnaire", "full.yaml", stringify({ ...head, sections: full }));
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    expect(a.value).toEqual(b.value);
  });
});
