// The @inquirer/prompts adapter, driven through real prompts rendered by @inquirer/testing.
import { render } from "@inquirer/testing";
import { describe, expect, it } from "vitest";
import { QuitError } from "../../src/interview/asker.js";
import { createInquirerAsker, type PromptRunner } from "../../src/interview/inquirer-asker.js";
import { interview } from "../../src/interview/interview.js";
import type { Questionnaire } from "../../src/model/questionnaire.js";

type Rendered = Awaited<ReturnType<typeof render>>;

/** An Asker whose prompts render into @inquirer/testing; `prompt()` waits for the next one to appear. */
function harness(renderOptions?: Parameters<typeof render>[2]) {
  const rendered: Rendered[] = [];
  const waiters: ((r: Rendered) => void)[] = [];
  let taken = 0;
  const notes: string[] = [];
  const run: PromptRunner = async (prompt, config) => {
    const r = await render(prompt as never, config as never, renderOptions);
    rendered.push(r);
    waiters.shift()?.(r);
    return r.answer as never;
  };
  const asker = createInquirerAsker(run, (t) => notes.push(t));
  const prompt = (): Promise<Rendered> => {
    const i = taken++;
    return rendered[i] ? Promise.resolve(rendered[i]) : new Promise((resolve) => waiters.push(resolve));
  };
  return { asker, prompt, notes };
}

/** Whether a promise has settled by the next turn of the event loop. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  return done;
}

const rangeCheck = (t: string): true | string => {
  const n = Number(t);
  if (t.trim() === "") return true;
  if (!Number.isFinite(n)) return "Type a number";
  return n >= 0 && n <= 100 ? true : `${n} is out of range (0 to 100)`;
};

describe("createInquirerAsker", () => {
  it("select: shows the message, the choices and the active choice's description, and returns the picked value", async () => {
    const h = harness();
    const answer = h.asker.select({
      message: "Channel use · 2/3\n  How do you decide?",
      choices: [
        { value: "habit", name: "Out of habit", description: "The channels we always used" },
        { value: "results", name: "By results", description: "What brings customers" },
      ],
    });
    const p = await h.prompt();
    let screen = p.getScreen();
    expect(screen).toContain("How do you decide?");
    expect(screen).toContain("Out of habit");
    expect(screen).toContain("By results");
    expect(screen).toContain("The channels we always used");
    expect(screen).not.toContain("What brings customers");

    p.events.keypress("down");
    screen = p.getScreen();
    expect(screen).toContain("What brings customers");
    expect(screen).not.toContain("The channels we always used");

    p.events.keypress("enter");
    await expect(answer).resolves.toBe("results");
  });

  it("select: starts on the default, does not wrap around, and returns non-string values as they are", async () => {
    const h = harness();
    const SKIP = Symbol("skip");
    const answer = h.asker.select<number | symbol>({
      message: "How digital?",
      choices: [
        { value: 1, name: "1 — not at all" },
        { value: 2, name: "2" },
        { value: SKIP, name: "Skip for now" },
      ],
      default: 2,
    });
    const p = await h.prompt();
    p.events.keypress("down");
    p.events.keypress("down"); // already on the last: loop is off
    p.events.keypress("enter");
    await expect(answer).resolves.toBe(SKIP);

    const again = h.asker.select<number>({ message: "Again?", choices: [{ value: 1, name: "One" }, { value: 2, name: "Two" }], default: 2 });
    const q = await h.prompt();
    q.events.keypress("enter");
    await expect(again).resolves.toBe(2);

    const top = h.asker.select<number>({ message: "Top?", choices: [{ value: 1, name: "One" }, { value: 2, name: "Two" }] });
    const r = await h.prompt();
    r.events.keypress("up"); // already on the first: loop is off
    r.events.keypress("enter");
    await expect(top).resolves.toBe(1);
  });

  it('checkbox: shows the "Don\'t know" exclusivity message when both are ticked, and accepts once fixed', async () => {
    const h = harness();
    const answer = h.asker.checkbox<string>({
      message: "Which tools do you use?",
      choices: [
        { value: "crm", name: "A CRM" },
        { value: "mail", name: "A newsletter", checked: true },
        { value: "unknown", name: "Don't know" },
      ],
      validate: (v) => (v.includes("unknown") && v.length > 1 ? "Pick either \"Don't know\" or options, not both" : true),
    });
    const p = await h.prompt();
    expect(p.getScreen()).toContain("A CRM");

    p.events.keypress("space"); // tick A CRM
    p.events.keypress("down");
    p.events.keypress("down");
    p.events.keypress("space"); // tick Don't know
    p.events.keypress("enter");
    await p.nextRender();
    expect(p.getScreen()).toContain("Pick either \"Don't know\" or options, not both");
    expect(await settled(answer)).toBe(false);

    p.events.keypress("space"); // untick Don't know
    p.events.keypress("enter");
    await expect(answer).resolves.toEqual(["crm", "mail"]);
  });

  it("checkbox: nothing ticked gives an empty list", async () => {
    const h = harness();
    const answer = h.asker.checkbox<string>({ message: "Which?", choices: [{ value: "a", name: "Alpha" }] });
    const p = await h.prompt();
    p.events.keypress("enter");
    await expect(answer).resolves.toEqual([]);
  });

  it("input: an out-of-range number shows the error and is not accepted; a valid one is", async () => {
    const h = harness();
    const answer = h.asker.input({ message: "What share is online? (0–100 %)", validate: rangeCheck });
    const p = await h.prompt();
    expect(p.getScreen()).toContain("What share is online?");

    p.events.type("150");
    p.events.keypress("enter");
    await p.nextRender();
    expect(p.getScreen()).toContain("150 is out of range (0 to 100)");
    expect(await settled(answer)).toBe(false);

    for (let i = 0; i < 3; i++) p.events.keypress("backspace");
    p.events.type("42");
    p.events.keypress("enter");
    await expect(answer).resolves.toBe("42");
  });

  it("input: Enter returns the default; Enter on an empty input without one returns an empty string", async () => {
    const h = harness();
    const kept = h.asker.input({ message: "Share?", default: "30", validate: rangeCheck });
    const p = await h.prompt();
    expect(p.getScreen()).toContain("30");
    p.events.keypress("enter");
    await expect(kept).resolves.toBe("30");

    const skipped = h.asker.input({ message: "Anything else?" });
    const q = await h.prompt();
    q.events.keypress("enter");
    await expect(skipped).resolves.toBe("");
  });

  it("confirm: Enter takes the default, y and n answer", async () => {
    const h = harness();
    const yes = h.asker.confirm({ message: "Do you post weekly?" });
    const p = await h.prompt();
    expect(p.getScreen()).toContain("Do you post weekly?");
    p.events.keypress("enter");
    await expect(yes).resolves.toBe(true);

    const no = h.asker.confirm({ message: "Cut a print ad?", default: true });
    const q = await h.prompt();
    q.events.type("n");
    q.events.keypress("enter");
    await expect(no).resolves.toBe(false);

    const keptNo = h.asker.confirm({ message: "Again?", default: false });
    const r = await h.prompt();
    r.events.keypress("enter");
    await expect(keptNo).resolves.toBe(false);
  });

  it.each([
    ["select", (h: ReturnType<typeof harness>) => h.asker.select({ message: "Pick", choices: [{ value: 1, name: "One" }] })],
    ["checkbox", (h: ReturnType<typeof harness>) => h.asker.checkbox({ message: "Tick", choices: [{ value: 1, name: "One" }] })],
    ["input", (h: ReturnType<typeof harness>) => h.asker.input({ message: "Type" })],
    ["confirm", (h: ReturnType<typeof harness>) => h.asker.confirm({ message: "Sure?" })],
  ] as const)("%s: Ctrl-C becomes a QuitError", async (_kind, ask) => {
    const h = harness();
    const answer = ask(h);
    const p = await h.prompt();
    p.events.keypress({ name: "c", ctrl: true });
    const err = await answer.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(QuitError);
    expect((err as Error).name).toBe("QuitError");
  });

  it("an aborted prompt becomes a QuitError too", async () => {
    const h = harness({ signal: AbortSignal.abort() });
    await expect(h.asker.confirm({ message: "Sure?" })).rejects.toMatchObject({ name: "QuitError" });
  });

  it("passes other errors through unchanged", async () => {
    const boom = new TypeError("boom");
    const asker = createInquirerAsker(() => Promise.reject(boom));
    await expect(asker.input({ message: "x" })).rejects.toBe(boom);
  });

  it("note() goes to the note writer", () => {
    const h = harness();
    h.asker.note("What this means");
    expect(h.notes).toEqual(["What this means"]);
  });

  it("drives the interview through real prompts: help, an answer and the review", async () => {
    const q: Questionnaire = {
      kind: "questionnaire",
      version: 1,
      id: "one",
      revision: 1,
      title: "One question",
      languages: ["en"],
      sections: [
        {
          id: "s",
          title: "Section",
          questions: [
            {
              id: "s.q",
              type: "single",
              text: "Do you run A/B tests?",
              help: "Two versions, keep the better one.",
              options: [
                { value: "no", label: "No" },
                { value: "yes", label: "Yes" },
              ],
            },
          ],
        },
      ],
    };
    const h = harness();
    const done = interview(q, h.asker, { kind: "answers", version: 1, questionnaire: "one", answers: {} });

    let p = await h.prompt();
    expect(p.getScreen()).toContain("Section · 1/1");
    expect(p.getScreen()).toContain("? What does this mean?");
    // This question shows its options last-first: Yes, No, then Skip and help.
    expect(p.getScreen().indexOf("Yes")).toBeLessThan(p.getScreen().indexOf("No"));
    for (let i = 0; i < 3; i++) p.events.keypress("down");
    p.events.keypress("enter");

    p = await h.prompt(); // the same question again, after the help
    expect(h.notes).toEqual(["Two versions, keep the better one."]);
    expect(p.getScreen()).toContain("Do you run A/B tests?");
    p.events.keypress("down");
    p.events.keypress("enter");

    p = await h.prompt();
    expect(p.getScreen()).toContain("Review your answers");
    expect(p.getScreen()).toContain("1. Do you run A/B tests? → No");
    p.events.keypress("enter");
    await expect(done).resolves.toMatchObject({ answers: { "s.q": "no" } });
  });
});
