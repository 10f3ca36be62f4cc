// Prompt and agent-config file readers: which files are prompts, and what in them costs money.
export { readPromptFile, type ReadOptions } from './read';
export { detectFormat, detectLooseFormat, isListedPath, isPromptPath, skipReasonFor, FORMAT_LABELS } from './detect';
