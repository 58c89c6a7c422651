export * from "./common.js";
export * from "./condition.js";
export * from "./questionnaire.js";
export * from "./answers.js";
export * from "./rubric.js";
export * from "./scorecard.js";
export * from "./benchmark.js";
