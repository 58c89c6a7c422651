// The prompts as a Swedish owner meets them: the library's own key hints in Swedish, questions wrapped at word
// boundaries on narrow terminals, and a long paste into a text question taken or refused at once.
import { PassThrough, Writable } from "node:stream";
import { input } from "@inquirer/prompts";
import { render } from "@inquirer/testing";
import { describe, expect, it } from "vitest";
import { createInquirerAsker, pasteAwareInput, type PromptRunner } from "../../src/interview/inquirer-asker.js";
import { messages } from "../../src/i18n/messages.js";

const sv = messages("sv");
const svKeys = { navigate: sv.keyNavigate, select: sv.keySelect, submit: sv.keySubmit, all: sv.keyAll, invert: sv.keyInvert };

/** An Asker whose prompts render into @inquirer/testing at a given width. */
function harness(columns: number) {
  const rendered: Array<Awaited<ReturnType<typeof render>>> = [];
  const run: PromptRunner = async (prompt, config, signal) => {
    const r = await render(prompt as never, config as never, { signal });
    rendered.push(r);
    return r.answer as never;
  };
  return { asker: createInquirerAsker(run, () => {}, () => columns), rendered };
}

const QUESTION =
  "Kundrelationen · 12/39\n  Hur ofta hör ni av er till kunder som redan har handlat, med något annat än ett erbjudande, till exempel råd, nyheter eller en inbjudan?";

describe("the prompts in the audit's language", () => {
  it("names the checkbox keys in Swedish, with no English word left in the hint line", async () => {
    const h = harness(100);
    h.asker.keyWords!(svKeys);
    const answer = h.asker.checkbox({ message: "Vilka kanaler använder ni?", choices: [{ value: "a", name: "Nyhetsbrev" }, { value: "b", name: "Kundklubb" }] });
    await new Promise((r) => setImmediate(r));
    const screen = h.rendered[0]!.getScreen();
    expect(screen).toContain("a alla");
    expect(screen).toContain("i vänd urvalet");
    expect(screen).toContain("navigera");
    expect(screen).not.toMatch(/\b(all|invert|navigate|select|submit)\b/);
    h.rendered[0]!.events.keypress("enter");
    await expect(answer).resolves.toEqual([]);
  });

  for (const columns of [40, 60, 100]) {
    it(`wraps a question at word boundaries within ${columns} columns`, async () => {
      const h = harness(columns);
      const answer = h.asker.select({ message: QUESTION, choices: [{ value: 1, name: "Aldrig, vi hör bara av oss när vi har ett erbjudande att skicka ut" }, { value: 2, name: "Varje månad" }] });
      await new Promise((r) => setImmediate(r));
      const lines = h.rendered[0]!.getScreen().split("\n");
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(columns);
      // Every word of the question and the long option stands whole on one line.
      const text = lines.join("\n");
      for (const word of [...QUESTION.split(/\s+/), "erbjudande", "skicka"]) if (word) expect(text, word).toContain(word);
      h.rendered[0]!.events.keypress("enter");
      await expect(answer).resolves.toBe(1);
    });
  }
});

/** A terminal's stdin stand-in: a stream that says it is a TTY. */
function fakeTerminal() {
  const source = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode: (m: boolean) => void };
  source.isTTY = true;
  source.setRawMode = () => {};
  let shown = "";
  const out = new Writable({ write: (chunk, _e, done) => ((shown += String(chunk)), done()) }) as Writable & { isTTY: boolean; columns: number; rows: number };
  Object.assign(out, { isTTY: true, columns: 100, rows: 35 });
  return { source, out, shown: () => shown };
}

describe("a long paste into a text question", () => {
  const max = 2000;
  const validate = (t: string) => (t.length > max ? `För långt: ett svar får vara högst ${max} tecken` : true);

  it("refuses 100 KB within a second, saying the limit", async () => {
    const term = fakeTerminal();
    const paste = pasteAwareInput(term.source as never, max);
    const answer = input({ message: "Något mer?", validate }, { input: paste.stream, output: term.out });
    await new Promise((r) => setTimeout(r, 20));
    const started = performance.now();
    term.source.write("x".repeat(100 * 1024));
    term.source.write("\r");
    await new Promise((r) => setTimeout(r, 20));
    while (!term.shown().includes("högst 2000") && performance.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
    const ms = performance.now() - started;
    expect(term.shown()).toContain("För långt: ett svar får vara högst 2000 tecken");
    expect(ms).toBeLessThan(1000);
    // A shorter answer typed after clearing is then taken: Ctrl-U clears the line.
    term.source.write("\x15");
    term.source.write("Kort svar\r");
    await expect(answer).resolves.toBe("Kort svar");
    paste.close();
  });

  it("takes a pasted paragraph with line breaks as one line, within a second", async () => {
    const term = fakeTerminal();
    const paste = pasteAwareInput(term.source as never, max);
    const answer = input({ message: "Något mer?", validate }, { input: paste.stream, output: term.out });
    await new Promise((r) => setTimeout(r, 20));
    const started = performance.now();
    const text = "Vi har en kundklubb.\nDen har 800 medlemmar.\r\n".repeat(40).trim();
    term.source.write(text);
    term.source.write("\r");
    const got = await answer;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(got).toBe(text.replace(/\r\n|\n/g, " "));
    paste.close();
  });
});
