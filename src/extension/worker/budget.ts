// Ours, not a figure from outside: how long one file's estimate (a document's, or one file of the cost review) may take
// in the worker before the editor gives up on it. Counting a megabyte takes well under a second; the margin is for a
// loaded machine (and the first use of a tokenizer's data).
export const ESTIMATE_BUDGET_MS = 15_000;
