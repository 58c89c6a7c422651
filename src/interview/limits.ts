/** The longest text answer taken at the prompt; the prompt's hint and `run --help` say so. */
export const TEXT_ANSWER_MAX = 2000;
