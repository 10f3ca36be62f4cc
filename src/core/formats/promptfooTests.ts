// How many calls one promptfoo run makes per prompt and provider: inline tests × `evaluateOptions.repeat`.
import { isDict, nonEmptyString, type FieldReader } from './values';

// Assertions that call a grading model: each one is an extra LLM call per test that this count leaves out.
const MODEL_GRADED = new Set([
  'llm-rubric',
  'g-eval',
  'factuality',
  'model-graded-closedqa',
  'model-graded-factuality',
  'answer-relevance',
  'context-faithfulness',
  'context-recall',
  'context-relevance',
  'select-best',
  'search-rubric',
]);

export function testsPerRun(fields: FieldReader): number {
  const tests = fields.value(['tests']);
  if (tests === undefined || tests === null) return 1;
  if (typeof tests === 'string') {
    fields.info(['tests'], `tests come from ${tests}: not read here, so calls per run assume one test`);
    return 1;
  }
  if (!Array.isArray(tests)) return 1;
  const fileRefs = tests.filter((t) => typeof t === 'string');
  if (fileRefs.length > 0) {
    fields.info(['tests'], `tests from ${fileRefs.join(', ')} are in other files: not counted in calls per run`);
  }
  return Math.max(tests.filter(isDict).length, 1);
}

export function repeatCount(fields: FieldReader): number {
  if (!fields.has(['evaluateOptions', 'repeat'])) return 1;
  return fields.integer(['evaluateOptions', 'repeat'])?.value ?? 1;
}

export function noteModelGradedAssertions(fields: FieldReader): void {
  const tests = fields.value(['tests']);
  const all = [fields.value(['defaultTest']), ...(Array.isArray(tests) ? tests : [])];
  const graded = new Set<string>();
  for (const test of all) {
    const asserts = isDict(test) ? test['assert'] : undefined;
    if (!Array.isArray(asserts)) continue;
    for (const a of asserts) {
      const type = isDict(a) ? nonEmptyString(a['type'])?.replace(/^not-/, '') : undefined;
      if (type && MODEL_GRADED.has(type)) graded.add(type);
    }
  }
  if (graded.size > 0) {
    fields.info(
      ['tests'],
      `model-graded assertions (${[...graded].join(', ')}) make extra grader calls that are not counted`,
    );
  }
}
