import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { AuditError, InvalidInputError, UsageError, type Problem } from "../errors.js";
import { Audit } from "../audit/pipeline.js";
import { NOT_APPLICABLE, UNKNOWN, readAnswer } from "../model/answer-values.js";
import { displayAnswer } from "../engine/display.js";
import { bySpread, labelTeamAnswers, mergeAnswers, type QuestionConsensus } from "../engine/merge.js";
import { notApplicableIds } from "../engine/yaml-rubric.js";
import type { Scorecard } from "../engine/scorecard.js";
import { fill, messages, type Messages } from "../i18n/messages.js";
import { word, type Phrase } from "../i18n/phrase.js";
import { resolveText } from "../i18n/text.js";
import { displayOrder } from "../interview/display-order.js";
import { flowEntries, nextEntry, progressOf, shownEntries, type FlowEntry, type FlowProgress } from "../interview/flow.js";
import { loadAnswersText } from "../load/load.js";
import type { Answer, Answers, AnswerValue } from "../model/answers.js";
import type { Questionnaire } from "../model/questionnaire.js";
import { workshopStateSchema, type WorkshopAgreement, type WorkshopParticipant, type WorkshopState } from "../model/workshop-state.js";
import { rendererOf } from "../report/formats.js";
import type { TeamReport } from "../report/team.js";
import { saveFile } from "../save/write-file.js";
import { serializeTeamAnswers } from "./merge.js";
import { defaultAnswersFile, serializeAnswers } from "./run.js";

export interface WorkshopOptions {
  folder: string;
  questionnaire?: string;
  rubric?: string;
  /** The workshop's language: the terminal's, the dashboard's and the first one a participant sees. */
  lang?: string;
  target?: string;
  today: string;
  notice?: (text: string) => void;
}

/** A room of more than this is a conference, not a workshop; it also bounds what one laptop serves. */
export const PARTICIPANT_CAP = 60;
/** Longest free text or note a participant may send. */
export const MAX_TEXT = 2000;

/** A request the workshop turns down, with the HTTP status that says why. */
export class RefusedError extends UsageError {
  constructor(
    readonly status: number,
    phrase: Phrase,
  ) {
    super(phrase);
  }
}

/** Where the workshop keeps what is not an answers file. */
export const stateFile = (folder: string) => join(folder, ".workshop", "state.json");
export const teamAnswersFile = (folder: string) => join(folder, "team", "team-answers.yaml");
export const teamReportFile = (folder: string) => join(folder, "team", "team-report.html");

/** A live event for the dashboard; ids increase, so that a reconnecting client asks for what it missed. */
export interface WorkshopEvent {
  id: number;
  type: "progress" | "reveal" | "agree" | "end";
  data: unknown;
}

const EVENTS_KEPT = 1000;

/** What a participant sees: the question to answer now (or that they are done), their progress, the words of the page. */
export interface ParticipantView {
  name: string;
  lang: string;
  ended: boolean;
  progress: FlowProgress;
  question?: QuestionView;
  /** Once nothing is left to ask: every shown question with its answer, to change any of them. */
  review?: Array<{ id: string; position: number; text: string; answer: string }>;
}

export interface QuestionView {
  id: string;
  type: string;
  section: string;
  position: number;
  total: number;
  text: string;
  help?: string;
  options?: Array<{ value: string | number; label: string; help?: string }>;
  min?: number;
  max?: number;
  minLabel?: string;
  maxLabel?: string;
  unit?: string;
  allowUnknown: boolean;
  allowNotApplicable: boolean;
  current?: AnswerValue;
  note?: string;
  previous?: string;
}

export interface RosterEntry extends FlowProgress {
  id: string;
  name: string;
  role?: string;
}

export interface RevealedQuestion {
  id: string;
  section: string;
  text: string;
  type: string;
  answered: number;
  agreement: number | null;
  distribution: Array<{ value: string; display: string; count: number; respondents?: string[] }>;
  /** What merge would make of it: the answer a facilitator starts from. */
  suggested?: AnswerValue;
  suggestedDisplay?: string;
  agreed?: { value: AnswerValue; display: string; note?: string; disagreed: string[] };
  options: Array<{ value: string | number; label: string }>;
}

const secret = () => randomBytes(24).toString("base64url");
const token = () => randomBytes(16).toString("base64url");

/** Letters a file name keeps from a name: accents dropped, the Nordic and other letters NFKD leaves alone spelt out. */
const SPELT: Record<string, string> = { ø: "o", æ: "ae", å: "a", ß: "ss", ł: "l", đ: "d", ð: "d", þ: "th", œ: "oe", ı: "i" };
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[øæåßłđðþœı]/g, (c) => SPELT[c]!)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40)
      .replace(/-$/, "") || "participant"
  );
}

const sameKey = (v: AnswerValue) => (Array.isArray(v) ? JSON.stringify([...v].sort()) : JSON.stringify(v));

/**
 * A live workshop over a folder of ordinary answers files: participants join and answer, the facilitator
 * reveals and agrees. Every change is saved at once, atomically; opening the same folder again resumes it.
 */
export class WorkshopSession {
  private readonly participants = new Map<string, { meta: WorkshopParticipant; answers: Answers }>();
  private readonly byToken = new Map<string, string>();
  private readonly agreements = new Map<string, WorkshopAgreement>();
  private readonly events: WorkshopEvent[] = [];
  private readonly listeners = new Set<(e: WorkshopEvent) => void>();
  private lastEvent = 0;
  private teamCache?: Promise<{ report: TeamReport; answers: Answers }>;
  readonly entries: FlowEntry[];
  private readonly naAllowed: ReadonlySet<string>;

  private constructor(
    readonly opts: WorkshopOptions,
    readonly audit: Audit,
    readonly questionnaire: Questionnaire,
    private state: WorkshopState,
    naAllowed: ReadonlySet<string>,
  ) {
    this.entries = flowEntries(questionnaire, opts.lang);
    this.naAllowed = naAllowed;
  }

  get lang(): string {
    return this.opts.lang ?? "en";
  }
  get joinSecret(): string {
    return this.state.joinSecret;
  }
  get hostSecret(): string {
    return this.state.hostSecret;
  }
  get ended(): boolean {
    return this.state.ended;
  }

  /** Opens the workshop in a folder: a new one, or the one saved there, with every answer and agreement. */
  static async open(opts: WorkshopOptions): Promise<WorkshopSession> {
    mkdirSync(opts.folder, { recursive: true });
    const audit = new Audit({ ...opts, notice: opts.notice });
    const saved = readState(opts.folder);
    if (saved && opts.questionnaire) {
      const wanted = audit.resolver.questionnaire(undefined).value;
      if (wanted.id !== saved.questionnaire.split("@")[0])
        throw new UsageError({ key: "errWorkshopOtherQuestionnaire", params: { folder: opts.folder, id: saved.questionnaire } });
    }
    const q = audit.resolver.questionnaire(saved?.questionnaire).value;
    const rubric = await audit.resolver.rubric(q);
    const na = notApplicableIds(rubric.kind === "yaml" ? rubric.loaded.value : rubric.rubric);
    const state: WorkshopState = saved ?? {
      kind: "workshop-state",
      version: 1,
      questionnaire: `${q.id}@${q.revision}`,
      joinSecret: secret(),
      hostSecret: secret(),
      participants: [],
      agreements: {},
      revealed: [],
      names: false,
      ended: false,
    };
    // Running the command again is the wish to go on, even after the dashboard ended it.
    state.ended = false;
    const session = new WorkshopSession(opts, audit, q, state, na);
    await session.load();
    session.saveState();
    return session;
  }

  /** Reads every participant's file back, and takes in answers files found in the folder that nobody joined with. */
  private async load(): Promise<void> {
    const problems: Problem[] = [];
    const known = new Set(this.state.participants.map((p) => p.file));
    const found = readdirSync(this.opts.folder).filter((f) => /\.ya?ml$/i.test(f) && !known.has(f)).sort();
    const metas = [...this.state.participants];
    for (const f of found) metas.push({ id: this.newId(metas), name: "", file: f, passed: [] });
    for (const meta of metas) {
      const path = join(this.opts.folder, meta.file);
      let answers: Answers;
      if (!existsSync(path)) answers = this.blankAnswers(meta.name);
      else {
        try {
          const checked = await this.audit.read(path);
          if (checked.questionnaire !== this.questionnaire) throw new UsageError({ key: "errMergeQuestionnaires", params: { file: path, id: checked.questionnaire.id, expected: this.questionnaire.id } });
          answers = checked.answers;
        } catch (err) {
          if (err instanceof InvalidInputError) {
            problems.push(...err.problems);
            continue;
          }
          throw err;
        }
      }
      if (!meta.name) meta.name = answers.respondent?.trim() || basename(meta.file).replace(/\.ya?ml$/i, "");
      this.participants.set(meta.id, { meta, answers });
      if (meta.token) this.byToken.set(meta.token, meta.id);
    }
    if (problems.length) throw new InvalidInputError(problems);
    this.state.participants = metas;
    for (const [id, a] of Object.entries(this.state.agreements)) if (this.entry(id)) this.agreements.set(id, a);
  }

  private newId(taken: Array<{ id: string }>): string {
    const ids = new Set(taken.map((p) => p.id));
    let id: string;
    do id = randomBytes(6).toString("hex");
    while (ids.has(id));
    return id;
  }

  private blankAnswers(respondent: string): Answers {
    return {
      kind: "answers",
      version: 1,
      questionnaire: `${this.questionnaire.id}@${this.questionnaire.revision}`,
      respondent,
      date: this.opts.today,
      ...(this.lang !== "en" ? { lang: this.lang } : {}),
      answers: {},
    };
  }

  private saveState(): void {
    const file = stateFile(this.opts.folder);
    const fresh = !existsSync(file);
    mkdirSync(join(this.opts.folder, ".workshop"), { recursive: true, mode: 0o700 });
    this.state.agreements = Object.fromEntries(this.agreements);
    saveFile(file, JSON.stringify(this.state, null, 2) + "\n");
    // The secrets are in it: only the facilitator's account may read it (the writer keeps this mode from now on).
    if (fresh) chmodSync(file, 0o600);
  }

  private emit(type: WorkshopEvent["type"], data: unknown): void {
    const e: WorkshopEvent = { id: ++this.lastEvent, type, data };
    this.events.push(e);
    if (this.events.length > EVENTS_KEPT) this.events.splice(0, this.events.length - EVENTS_KEPT);
    for (const l of this.listeners) l(e);
  }

  /** Listens to events from now on; returns what to call to stop. */
  subscribe(listener: (e: WorkshopEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The events after `id`, or undefined when some of them are no longer kept (the client must start afresh). */
  eventsSince(id: number): WorkshopEvent[] | undefined {
    if (id >= this.lastEvent) return [];
    const first = this.events[0];
    if (!first || first.id > id + 1) return undefined;
    return this.events.filter((e) => e.id > id);
  }

  get latestEventId(): number {
    return this.lastEvent;
  }

  participantOf(tok: string | undefined): string | undefined {
    return tok ? this.byToken.get(tok) : undefined;
  }

  tokenOf(id: string): string | undefined {
    return this.participants.get(id)?.meta.token;
  }

  // Changes are made one at a time: two answers checked at once must not each save over the other.
  private queue: Promise<unknown> = Promise.resolve();
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  private entry(id: string): FlowEntry | undefined {
    return this.entries.find((e) => e.question.id === id);
  }

  private changed(): void {
    this.teamCache = undefined;
  }

  /** A new participant: a file of their own, whatever their name, and a token to come back with. */
  join(name: string, role?: string): { id: string; token: string } {
    if (this.state.ended) throw new RefusedError(409, { key: "errWorkshopEnded" });
    const clean = name.replace(/\s+/g, " ").trim();
    if (!clean) throw new RefusedError(400, { key: "errWorkshopNameNeeded" });
    if (clean.length > 100 || (role?.length ?? 0) > 100) throw new RefusedError(400, { key: "errWorkshopNameLong", params: { max: 100 } });
    if (this.state.participants.filter((p) => p.token).length >= PARTICIPANT_CAP) throw new RefusedError(409, { key: "errWorkshopFull", params: { max: PARTICIPANT_CAP } });
    const taken = new Set([...readdirSync(this.opts.folder), ...this.state.participants.map((p) => p.file)].map((f) => f.toLowerCase()));
    const dated = defaultAnswersFile(fileSlug(clean), this.opts.today).replace(/\.yaml$/, "");
    let file = `${dated}.yaml`;
    for (let n = 2; taken.has(file.toLowerCase()); n++) file = `${dated}-${n}.yaml`;
    const meta: WorkshopParticipant = { id: this.newId(this.state.participants), token: token(), name: clean, ...(role?.trim() ? { role: role.trim() } : {}), file, passed: [] };
    const answers = this.blankAnswers(clean);
    saveFile(join(this.opts.folder, file), serializeAnswers(answers));
    this.state.participants.push(meta);
    this.participants.set(meta.id, { meta, answers });
    this.byToken.set(meta.token!, meta.id);
    this.saveState();
    this.changed();
    this.emit("progress", this.rosterEntry(meta.id));
    return { id: meta.id, token: meta.token! };
  }

  private person(id: string) {
    const p = this.participants.get(id);
    if (!p) throw new RefusedError(403, { key: "errWorkshopNotJoined" });
    return p;
  }

  /** The question a participant answers now (or the one asked for, to go back), in their language. */
  view(id: string, lang: string, asked?: string): ParticipantView {
    const p = this.person(id);
    const m = messages(lang);
    const entries = flowEntries(this.questionnaire, lang);
    const shown = shownEntries(entries, p.answers);
    const passed = new Set(p.meta.passed);
    const chosen = asked ? shown.find((e) => e.question.id === asked) : nextEntry(entries, p.answers, passed);
    const view: ParticipantView = { name: p.meta.name, lang, ended: this.state.ended, progress: progressOf(entries, p.answers) };
    if (chosen) {
      const i = shown.indexOf(chosen);
      view.question = this.questionView(chosen, lang, p.answers, shown[i - 1]?.question.id);
    } else {
      view.review = shown.map((e) => ({ id: e.question.id, position: e.position, text: resolveText(e.question.text, lang), answer: this.shownAnswer(e, p.answers.answers[e.question.id], lang, m) }));
    }
    return view;
  }

  private shownAnswer(e: FlowEntry, raw: Answer | null | undefined, lang: string, m: Messages): string {
    const a = readAnswer(raw, e.question);
    return a.kind === "value" ? displayAnswer(e.question, a.value, lang, m) : a.kind === "unknown" ? m.unknown : a.kind === "na" ? m.notApplicable : m.missing;
  }

  private questionView(e: FlowEntry, lang: string, answers: Answers, previous: string | undefined): QuestionView {
    const q = e.question;
    const a = readAnswer(answers.answers[q.id], q);
    const v: QuestionView = {
      id: q.id,
      type: q.type,
      section: e.sectionTitle,
      position: e.position,
      total: this.entries.length,
      text: resolveText(q.text, lang),
      allowUnknown: !!q.allowUnknown,
      allowNotApplicable: this.naAllowed.has(q.id),
      ...(q.help ? { help: resolveText(q.help, lang) } : {}),
      ...(previous ? { previous } : {}),
      ...(a.note !== undefined ? { note: a.note } : {}),
    };
    if (a.kind === "value") v.current = a.value;
    else if (a.kind === "unknown") v.current = UNKNOWN;
    else if (a.kind === "na") v.current = NOT_APPLICABLE;
    if (q.type === "single" || q.type === "multi") {
      const ordered = q.type === "single" ? displayOrder(q.id, q.options) : q.options;
      v.options = ordered.map((o) => ({ value: o.value, label: resolveText(o.label, lang), ...(o.help ? { help: resolveText(o.help, lang) } : {}) }));
    }
    if (q.type === "scale") Object.assign(v, { min: q.min, max: q.max, ...(q.minLabel ? { minLabel: resolveText(q.minLabel, lang) } : {}), ...(q.maxLabel ? { maxLabel: resolveText(q.maxLabel, lang) } : {}) });
    if (q.type === "number") Object.assign(v, { ...(q.min !== undefined ? { min: q.min } : {}), ...(q.max !== undefined ? { max: q.max } : {}), ...(q.unit ? { unit: resolveText(q.unit, lang) } : {}) });
    return v;
  }

  /**
   * Records an answer (or passes over a question), checked as the same file on disk would be: the schema,
   * then the questionnaire's and rubric's checks. Saved before it returns; a problem leaves the file as it was.
   */
  answer(id: string, question: string, given: { value?: AnswerValue; skip?: boolean; note?: string }): Promise<void> {
    return this.serial(() => this.answerNow(id, question, given));
  }

  private async answerNow(id: string, question: string, given: { value?: AnswerValue; skip?: boolean; note?: string }): Promise<void> {
    if (this.state.ended) throw new RefusedError(409, { key: "errWorkshopEnded" });
    const p = this.person(id);
    if (!this.entry(question)) throw new RefusedError(400, { key: "errUnknownQuestionId", params: { id: question } });
    const next: Answers = { ...p.answers, answers: { ...p.answers.answers } };
    let passed = p.meta.passed;
    if (given.skip) {
      delete next.answers[question];
      if (!passed.includes(question)) passed = [...passed, question];
    } else {
      if (given.value === undefined) throw new RefusedError(400, { key: "errWorkshopNoValue" });
      const note = given.note?.trim();
      next.answers[question] = note ? { value: given.value, note } : given.value;
      if (passed.includes(question)) passed = passed.filter((x) => x !== question);
    }
    const file = join(this.opts.folder, p.meta.file);
    const text = serializeAnswers(next);
    await this.audit.check(loadAnswersText(file, text));
    saveFile(file, text);
    p.answers = next;
    // The state changes only when a question is passed over or taken up again: one write per answer, not two.
    if (passed !== p.meta.passed) {
      p.meta.passed = passed;
      this.saveState();
    }
    this.changed();
    // Only the participant who moved: sixty answering at once must not each send everyone's progress.
    this.emit("progress", this.rosterEntry(id));
  }

  /** Who has joined and how far each is: never what they answered. */
  roster(): RosterEntry[] {
    return [...this.participants.keys()].map((id) => this.rosterEntry(id));
  }

  private rosterEntry(id: string): RosterEntry {
    const { meta, answers } = this.participants.get(id)!;
    return { id: meta.id, name: meta.name, ...(meta.role ? { role: meta.role } : {}), ...progressOf(this.entries, answers) };
  }

  /** Names that tell participants apart: a repeated one gets a number, as merge does. */
  private people(): Array<{ respondent: string; answers: Answers; id: string }> {
    const seen = new Map<string, number>();
    return [...this.participants.values()].map(({ meta, answers }) => {
      let name = meta.name;
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      if (n > 1) name = `${name} (${n})`;
      return { respondent: name, answers, id: meta.id };
    });
  }

  get revealed(): readonly string[] {
    return this.state.revealed;
  }
  get showsNames(): boolean {
    return this.state.names;
  }

  /** Reveals a section's answers, or the whole audit's ("all"), to the room. */
  reveal(scope: string): void {
    if (scope !== "all" && !this.questionnaire.sections.some((s) => s.id === scope)) throw new RefusedError(400, { key: "errWorkshopUnknownSection", params: { section: scope } });
    if (!this.state.revealed.includes(scope)) this.state.revealed.push(scope);
    this.saveState();
    this.emit("reveal", { revealed: this.state.revealed });
  }

  showNames(show: boolean): void {
    this.state.names = show;
    this.saveState();
    this.emit("reveal", { revealed: this.state.revealed, names: show });
  }

  /** The revealed questions, widest spread first, with each answer's count (and names, when the room asked for them). */
  revealView(lang = this.lang): RevealedQuestion[] {
    const all = this.state.revealed.includes("all");
    const sections = new Set(this.state.revealed);
    const m = messages(lang);
    const view = mergeAnswers(this.questionnaire, this.people(), lang);
    const entries = flowEntries(this.questionnaire, lang);
    const byId = new Map(entries.map((e) => [e.question.id, e]));
    return view.questions
      .filter((c) => all || sections.has(byId.get(c.id)!.sectionId))
      .sort(bySpread)
      .map((c) => this.revealed1(c, byId.get(c.id)!, lang, m));
  }

  private revealed1(c: QuestionConsensus, e: FlowEntry, lang: string, m: Messages): RevealedQuestion {
    const q = e.question;
    const agreed = this.agreements.get(q.id);
    const options = q.type === "single" || q.type === "multi" ? q.options.map((o) => ({ value: o.value, label: resolveText(o.label, lang) })) : [];
    return {
      id: q.id,
      section: e.sectionTitle,
      text: resolveText(q.text, lang),
      type: q.type,
      answered: c.answered,
      agreement: c.agreement,
      distribution: c.distribution.map((d) => ({ value: d.value, display: d.display, count: d.count, ...(this.state.names ? { respondents: d.respondents } : {}) })),
      ...(c.consensus !== undefined && q.type !== "text" ? { suggested: c.consensus, suggestedDisplay: c.display ?? displayAnswer(q, c.consensus, lang, m) } : {}),
      ...(agreed ? { agreed: { value: agreed.value, display: this.display(e, agreed.value, lang, m), disagreed: agreed.disagreed, ...(agreed.note ? { note: agreed.note } : {}) } } : {}),
      options,
    };
  }

  private display(e: FlowEntry, v: AnswerValue, lang: string, m: Messages): string {
    if (v === UNKNOWN) return m.unknown;
    if (v === NOT_APPLICABLE) return m.notApplicable;
    // An agreed empty multiple choice is the team's "none of these", not a missing answer.
    return e.question.type === "multi" && Array.isArray(v) && v.length === 0 ? m.noneOfThese : displayAnswer(e.question, v, lang, m);
  }

  /** Records the team's answer to a question, who answered otherwise, and a note; writes the team's answers file. */
  agree(question: string, value: AnswerValue, note?: string): Promise<void> {
    return this.serial(() => this.agreeNow(question, value, note));
  }

  private async agreeNow(question: string, value: AnswerValue, note?: string): Promise<void> {
    const e = this.entry(question);
    if (!e || e.question.type === "text") throw new RefusedError(400, { key: "errUnknownQuestionId", params: { id: question } });
    const trimmed = note?.trim();
    // The team's answer must be one a file could hold: the same checks as a respondent's.
    const probe: Answers = { ...this.blankAnswers("team"), answers: { [question]: value } };
    await this.audit.check(loadAnswersText(teamAnswersFile(this.opts.folder), serializeAnswers(probe)));
    const disagreed = this.people()
      .filter((p) => {
        const a = readAnswer(p.answers.answers[question], e.question);
        const theirs = a.kind === "value" ? a.value : a.kind === "unknown" ? UNKNOWN : a.kind === "na" ? NOT_APPLICABLE : undefined;
        return theirs !== undefined && sameKey(theirs) !== sameKey(value);
      })
      .map((p) => p.respondent);
    this.agreements.set(question, { value, disagreed, ...(trimmed ? { note: trimmed } : {}) });
    this.saveState();
    this.changed();
    await this.saveTeam();
    this.emit("agree", { question });
  }

  /** The team: merged answers, with the agreed ones in their place, scored; each participant's card beside it. */
  team(): Promise<{ report: TeamReport; answers: Answers }> {
    return (this.teamCache ??= this.buildTeam());
  }

  private async buildTeam(): Promise<{ report: TeamReport; answers: Answers }> {
    const people = this.people();
    const view = mergeAnswers(this.questionnaire, people, this.lang);
    const m = messages(this.lang);
    const answers: Answers = { ...view.answers, answers: { ...view.answers.answers } };
    for (const [id, a] of this.agreements) {
      const said = a.disagreed.length ? fill(m.wsAgreedOthers, { names: a.disagreed.join(", ") }) : m.wsAgreedAll;
      answers.answers[id] = { value: a.value, note: a.note ? `${said} ${a.note}` : said };
    }
    const questions = view.questions.map((c) => {
      const a = this.agreements.get(c.id);
      return a ? { ...c, consensus: a.value, display: this.display(this.entry(c.id)!, a.value, this.lang, m) } : c;
    });
    const team = labelTeamAnswers(await this.audit.score(await this.audit.checkValue(answers)), { questions });
    const respondents: TeamReport["respondents"] = [];
    for (const p of people) respondents.push({ name: p.respondent, card: await this.audit.score(await this.audit.checkValue(p.answers)) });
    return { report: { team, respondents, questions }, answers };
  }

  /** The team's answers file, in the form `merge --save` writes. */
  private async saveTeam(): Promise<void> {
    const { answers } = await this.team();
    mkdirSync(join(this.opts.folder, "team"), { recursive: true });
    saveFile(teamAnswersFile(this.opts.folder), serializeTeamAnswers(answers, this.participants.size));
  }

  /** The team report as `merge --format html` renders it. */
  async teamHtml(): Promise<string> {
    return rendererOf("html", "team")!((await this.team()).report, { colorLevel: 0, width: 80 });
  }

  /** The team's scores for the dashboard: overall and per dimension. */
  async teamScores(): Promise<{ card: Scorecard }> {
    return { card: (await this.team()).report.team };
  }

  /** Ends the workshop: the team's answers and report are written; participants can no longer change answers. */
  end(): Promise<void> {
    return this.serial(() => this.endNow());
  }

  private async endNow(): Promise<void> {
    this.state.ended = true;
    this.saveState();
    await this.finishNow();
    this.emit("end", {});
  }

  /** Writes the team's answers and report as they stand; the workshop goes on. */
  finish(): Promise<void> {
    return this.serial(() => this.finishNow());
  }

  private async finishNow(): Promise<void> {
    if (this.participants.size) {
      await this.saveTeam();
      saveFile(teamReportFile(this.opts.folder), await this.teamHtml());
    }
  }

  summary(): { participants: number; answered: number; agreed: number } {
    const roster = this.roster();
    return { participants: roster.length, answered: roster.reduce((n, r) => n + r.answered, 0), agreed: this.agreements.size };
  }

  /** A problem in the participant's words, without the file position they never see. */
  static problemText(err: unknown, lang: string): string | undefined {
    const m = messages(lang);
    if (err instanceof InvalidInputError) return err.problems.filter((p) => p.severity === "error").map((p) => (p.phrase ? word(p.phrase, m) : p.message)).join("\n");
    if (err instanceof AuditError) return err.says((p) => word(p, m));
    return undefined;
  }
}

function readState(folder: string): WorkshopState | undefined {
  const file = stateFile(folder);
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new UsageError({ key: "errWorkshopState", params: { file } });
  }
  const r = workshopStateSchema.safeParse(data);
  if (!r.success) throw new UsageError({ key: "errWorkshopState", params: { file } });
  return r.data;
}
