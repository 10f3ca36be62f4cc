// Shared prompt text, imported by the handlers.
export const TONE = 'Answer in plain English, in at most three sentences. Never invent order numbers.';
