// Texts built to hit every branch of tiktoken's split pattern: contractions, case changes, marks, CJK, emoji,
// digit runs, punctuation runs next to line breaks and '/', whitespace runs with and without line breaks, CRLF,
// special-token spellings.
import fc from 'fast-check';

const FRAGMENTS = [
  'the', ' the', 'The', 'THE', 'HelloWorld', 'camelCase', 'snake_case', 'x', ' a', 'word', 'tokens', 'Ünïcödé',
  "'s", "'S", "'t", "'re", "'RE", "'ve", "'m", "'ll", "'LL", "'d", "it's", "don't", "'", "''",
  '0', '7', '42', '123', '1234', '3.14159', '1,000,000', '١٢٣', 'Ⅻ', '½', '²',
  ' ', '  ', '   ', '    ', '\t', '\t\t', '\n', '\n\n', '\r\n', '\r', ' \n', '\n ', '  \n  ', '\u00a0', '\u2028', '\u3000', '\ufeff',
  '/', '//', '/*', '*/', '\n/', '/\n', '.\n/', '#', '## ', '- ', '* ', '1. ', '> ', '`', '```', '```ts\n', '|', ' | ',
  '(', ')', '{', '}', '[', ']', ';', ':', ',', '.', '...', '!?', '—', '“', '”', '->', '=>', '&&', '<', '>', '"', '\\',
  'é', 'e\u0301', 'ǅ', 'İ', 'ß', 'ﬁ', 'ʰ', 'ـ', 'ą̊', '中文', '日本語のテキスト', '한국어', 'Ελληνικά', 'Русский', 'עברית', 'العربية',
  '😀', '👩‍💻', '🇫🇷', '𝔘𝔫𝔦', '𠀋', '\u200d',
  '<|endoftext|>', '<|im_start|>', '<|im_end|>', '<|fim_prefix|>', '<|start|>', '<|message|>', '<|endofprompt|>',
];

const whitespaceRun = fc.string({ unit: fc.constantFrom(' ', ' ', '\t', '\n', '\r', '\r\n', '\u00a0'), maxLength: 6 });
const digits = fc.integer({ min: 0, max: 99_999_999 }).map(String);
const identifier = fc.string({ unit: fc.constantFrom(...'abcXYZ_09'), minLength: 1, maxLength: 10 });

export const fragment = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: whitespaceRun },
  { weight: 2, arbitrary: digits },
  { weight: 2, arbitrary: identifier },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** Well-formed UTF-16 text (no lone surrogates). */
export function textArbitrary(maxFragments = 120): fc.Arbitrary<string> {
  return fc.array(fragment, { maxLength: maxFragments }).map((parts) => parts.join(''));
}

/** Any UTF-16, including lone surrogates (an editor can hold half a pair mid-edit). */
export const rawText = fc.string({ unit: 'binary', maxLength: 60 });
