import { da } from "./catalogues/da.js";
import { nb } from "./catalogues/nb.js";
import { sv } from "./catalogues/sv.js";
import { cliMessages } from "./cli-messages.js";
import { word, type Wording } from "./phrase.js";

/**
 * Every user-facing word of the reports, prompts and progress lines, in English. Other languages are
 * data in ./catalogues; a key they lack falls back to English. {name} marks a value filled in.
 */
export const en = {
  unknown: "don't know",
  notApplicable: "not applicable",
  missing: "(no answer)",
  hidden: "(not asked)",
  yes: "yes",
  no: "no",

  // reports
  target: "target",
  rubric: "rubric",
  teamOf: "team of {n}: {names}",
  colDimension: "Dimension",
  colScore: "Score",
  colStage: "Stage",
  colGap: "Gap",
  colGapTo: "Gap to {stage}",
  colToGo: "Points to go to {stage}",
  reachedWord: "reached",
  levelWord: "level",
  colProgress: "Progress",
  overall: "Overall",
  gapNote: "Gap: points short of {stage} ({score}).",
  heldBackNote: "* held back by a gate below.",
  heldBackTitle: "held back by a gate",
  noScoreYet: "No scored question is answered yet.",
  targetReached: "You have reached the target stage {stage}.",
  heldByGate: "The score is enough for {scoreStage}, but a gate holds you at {stage}.",
  pointsShort: "{points} points short of {stage}.",
  blocksHeading: "What blocks the next stage",
  gateLine: "No {stage} while: {reason}",
  nextStepsHeading: "Next steps",
  nothingHolds: "Nothing holds you back under this rubric: keep doing what works, and audit again next year.",
  why: "Why: {reasons}",
  moreReasons: "(+{n} more)",
  coverageAnswered: "Answered {answered} of {asked} scored questions",
  coverageUnknownZero: '{n} "don\'t know" (counted as 0 points)',
  coverageUnknownExcluded: '{n} "don\'t know" (left out of the score)',
  coverageNa: "{n} not applicable (left out; the rest re-weighted)",
  coverageMissing: "{n} not answered (left out of the score)",
  coverageHidden: "{n} not asked",
  explainHeading: "How each score came about",
  explainLegend: "points: 0-100 for the answer; weight: within the dimension; adds: points it adds to the dimension score.",
  colQuestionAnswer: "Question / answer",
  colQuestion: "Question",
  colAnswer: "Answer",
  colPoints: "Points",
  colWeight: "Weight",
  colAdds: "Adds",
  note: "note",
  comparedWith: "Compared with {title}",
  illustrative: "(an illustrative profile, not survey data)",
  benchmarkBehind: "{points} points behind the benchmark on {what}",
  benchmarkAhead: "{points} points ahead of the benchmark on {what}",
  benchmarkLevel: "level with the benchmark on {what}",
  benchmarkNone: "no comparison on {what}",
  benchmarkOrigin: "based on {n} audits, {from} to {to}",
  benchmarkSource: "source: {source}",
  quarter1: "in the lowest quarter of the profile's audits",
  quarter2: "in the second quarter of the profile's audits",
  quarter3: "in the third quarter of the profile's audits",
  quarter4: "in the highest quarter of the profile's audits",
  theOverallScore: "the overall score",
  colThisAudit: "This audit",
  colBenchmark: "Benchmark",
  colDistance: "Distance",
  auditsCount: "{n} audits.",
  colFile: "File",
  colRespondentDate: "Respondent, date",
  colChecks: "Thresholds",
  checksMet: "all met",
  batchNotScored: "not scored: {reason}",
  explainSummary: "Every question, its answer, points, weight and contribution",
  madeWith: "Made with maturity-audit. Scores and stages follow the rubric “{rubric}”; the lag in years, where shown, is the rubric's own estimate.",
  stageLadder: "Stage ladder",
  thisAudit: "This audit",
  radarLabel: "Radar chart of {n} dimensions, scored 0 to 100",
  titleOrganisation: "Organisation",
  titleDate: "Date",
  titleRespondents: "Answered by",
  titleQuestionnaire: "Questionnaire",
  titleRevision: "revision {n}",
  titleRubric: "Rubric",
  titleTarget: "Target",
  execHeading: "Summary for the management team",
  execWhere: "{who} stands at “{stage}”, with {score} of 100 points and {points} points to go to the target, {target}.",
  execReached: "{who} stands at “{stage}”, with {score} of 100 points: the target, {target}, is reached.",
  execHeld: "{who} scores {score} of 100, enough for {scoreStage}, but stands at “{stage}” until what blocks the next stage is solved.",
  execStrongest: "What works best: {answer}.",
  execWeakest: "What holds the score down most: {answer}.",
  execBlocked: "{stage} stays out of reach while this holds: {reason}.",
  execFirstStep: "The first step, of {n} in the roadmap: {step} ({effort}).",
  execOnlyStep: "The one step in the roadmap: {step} ({effort}).",

  // verdict, findings and roadmap
  unconfirmedTag: "unconfirmed",
  confidenceLine: "Not confirmed: between {lowest} and {highest} until these are answered: {questions}.",
  gateOpen: "Not confirmed whether {stage} is held back: {questions} is not answered, or \"don't know\".",
  borderlineUp: "Borderline: one answer from {stage}: {moves}.",
  borderlineDown: "Borderline: one answer from dropping to {stage}: {moves}.",
  moveLine: "\"{text}\" {from} → {to}",
  definition: "{name} means: {summary}",
  strongestAnswers: "Strongest answers: {list}.",
  weakestAnswers: "Weakest answers: {list}.",
  answerQuote: "{dimension}: \"{display}\"",
  answerQuoteQuestion: "\"{text}\": {display}",
  lagSourced: "Rubric's estimate: a business at {stage} lags the leaders by about {years} years (basis: {source}).",
  lagDated: "Rubric's estimate: leading businesses reached {stage} around {year}, so this is roughly {years} years behind them ({asOf}; the rubric gives no source).",
  stepImprove: "Work on this answer: {question}",
  roadmapHeading: "Roadmap to {target}",
  roadmapPhase: "Toward {stage}",
  roadmapPhaseBeyond: "Toward {stage} (beyond the target)",
  roadmapMinimal: "★ = in the smallest set of changes that reaches {target}: {n} answers.",
  roadmapUnreachable: "Improving the weak answers alone does not reach {target}; answer the open questions first.",
  roadmapEmpty: "No step is needed under this rubric.",
  effort1: "days",
  effort2: "weeks",
  effort3: "months",
  effortLabel: "effort: {effort}",
  moreInRoadmap: "…and {n} more steps: run the same command with --roadmap to list them all.",

  // team view
  teamView: "Team view",
  teamScoresHeading: "Each respondent's scores",
  teamSpreadHeading: "How the respondents' scores spread",
  respondentsList: "{n} respondents: {names}",
  colTeam: "Team",
  colSpread: "Spread",
  teamRule: "Team scores come from the team's answers: the median answer for ordered options, scales and numbers, the majority for yes/no and for each option of a multiple choice.",
  discussFirst: "Discuss first: where the team disagrees most",
  teamAgrees: "The team agrees on every question.",
  agreement: "agreement {pct}",
  teamSteps: "The team's next steps",
  noneOfThese: "none of these",
  noOptionByMajority: "none of the options by a majority",
  respondentsCount: "{n} respondents",
  teamScoresInJson: "Each respondent's scores are in --format json.",
  colN: "n",
  colLowest: "Lowest",
  colQ1: "Q1",
  colMedian: "Median",
  colQ3: "Q3",
  colHighest: "Highest",
  quartileNote: "Q1 and Q3 are the lower and upper quartiles: the middle half of the respondents score between them. Spread: highest minus lowest.",
  otherAnswers: "…and {n} other answers",

  // compare
  progressFromTo: "Progress from {before} to {after}",
  overallMove: "Overall: {before} → {after} ({delta}), stage {stage}",
  colBefore: "Before",
  colAfter: "After",
  colChange: "Change",
  answersChanged: "Answers that changed ({n})",
  noAnswerChanged: "No answer changed.",
  pointsDelta: "{delta} points",
  stepsDone: "Next steps no longer needed",
  stepsNew: "New next steps",
  trendOver: "Trend over {n} audits",
  colAudit: "Audit",
  colDate: "Date",
  perDimension: "Per dimension, oldest to newest:",
  progressScoring: "Scoring {n} of {total} files",
  progressReading: "Reading {n} of {total} files",
  trendChartLabel: "Scores per audit, oldest to newest, 0 to 100",

  // the interview
  dontKnow: "Don't know",
  notApplicableToUs: "Not applicable to us",
  skipForNow: "Skip for now",
  whatDoesThisMean: "? What does this mean?",
  checkboxHint: "(space to tick, enter when done; none ticked means none of these)",
  standsAlone: '"{choice}" stands alone: untick the rest',
  numberHintUnknown: "? = don't know",
  numberHintSkip: "empty = skip",
  numberHintClear: "clear it to skip",
  typeANumber: "Type a number",
  typeANumberOrUnknown: "Type a number, or ? for don't know",
  textOptional: "(optional; enter to skip)",
  reviewPrompt: "Review your answers: pick one to change it, or score them",
  reviewDone: "✓ These answers are right: score them ({answered} of {shown} answered)",

  // run
  welcomeParts: "{count} questions in {parts} parts: {titles}.",
  welcomeTime: 'About {minutes} minutes. Use the arrow keys and Enter (space ticks boxes); "Skip for now" and "Don\'t know" are fine.',
  welcomeSave: "Every answer is saved as you go: press Ctrl-C at any time to stop, and resume later.",
  askName: "Your name, or the business's",
  nameNeeded: "A name keeps each audit apart",
  savingTo: "Saving answers to {file}",
  resuming: "Resuming {file}",
  savedIn: "Answers saved in {file}. Score them again any time with: maturity-audit score {file}",
  workshopNext: "Workshop: who answers next?",
  workshopAnother: "Another respondent answers now",
  workshopDone: "Everyone has answered: show the team view",
  workshopStop: "Stop here (others answer later, or on their own laptops into this folder)",
  workshopFolder: "The team's answers are in {folder}. The team view any time: maturity-audit merge {folder} --format html --output team.html",

  stoppedSaved: "stopped: {n} answers are saved in {file}",
  stoppedSavedOne: "stopped: 1 answer is saved in {file}",
  stoppedNothing: "stopped before the first question; nothing was saved",
  resumeWith: "Resume with: {command}",

  // template
  tplHead1: 'Answers to "{title}". Fill in a value after each question id;',
  tplHead2: 'leave it empty to skip it. Any answer can carry a note: { value: ..., note: "why" }.',
  tplHead3: "Check it with: maturity-audit validate FILE   Score it with: maturity-audit score FILE",
  tplOneOf: "one of (least mature first):",
  tplListOf: "a list of any of, e.g. [a, b] or [] for none:",
  tplWholeNumber: "a whole number from {min} to {max}",
  tplNumber: "a number",
  tplFrom: "from {n}",
  tplTo: "to {n}",
  tplTrueFalse: "true ({yes}) or false ({no})",
  tplFreeText: 'free text in quotes, e.g. "..."',
  tplOrUnknown: "or: unknown ({unknown})",
  tplAskedWhen: "asked only when: {condition}",
  keyNavigate: "navigate",
  keySelect: "select",
  keySubmit: "submit",
  ...cliMessages,
};

export type Messages = typeof en;
export type MessageKey = keyof Messages;

const catalogues: Record<string, Partial<Messages>> = { en, sv, nb, da };

export { LANGUAGES, languageFrom } from "./lang.js";

const resolved = new Map<string, Messages>();

export function messages(lang = "en"): Messages {
  let m = resolved.get(lang);
  if (!m) {
    const own = catalogues[lang] ?? catalogues[lang.split(/[-_]/)[0]!.toLowerCase()] ?? catalogues[lang.toLowerCase() === "no" ? "nb" : ""] ?? {};
    resolved.set(lang, (m = Object.freeze({ ...en, ...own })));
  }
  return m;
}

export { fill } from "./fill.js";

/** Puts errors and warnings into words in a language (English when none is given). */
export function wordsFor(lang: string | undefined): Wording {
  const m = messages(lang ?? "en");
  return (p) => word(p, m);
}
