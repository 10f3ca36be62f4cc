// Agent Skills (`<skills dir>/<name>/SKILL.md`): runtimes that support skills send every skill's name and description
// with each request (so the model knows it may load one), and the body only when the skill is invoked. So a skill is
// two units: the listing entry (always-on) and the body (on invocation, then kept for the rest of the session).
import type { CostUnit, Declared, Problem } from '../types';
import { frontmatterFileOutcome, readFrontmatter } from './frontmatter';
import type { FormatInput, FormatOutcome } from './parser';
import { baseName } from './paths';
import { wholeFileUnit } from './plainText';
import { markdownSections } from './sections';
import { nonEmptyString, type FieldReader } from './values';

export function parseSkill(input: FormatInput): FormatOutcome {
  const { lines, path } = input;
  const problems: Problem[] = [];
  const folder = skillFolderName(path);
  const frontmatter = readFrontmatter(lines, problems, { lenientValues: true });
  if (frontmatter.kind === 'bad') {
    problems.push(frontmatter.problem);
    const unit = wholeFileUnit(lines, { name: folder, kind: 'call', markdown: true });
    return { ok: true, units: [{ ...unit, loading: 'on-invocation' }], problems };
  }
  const fields = frontmatter.kind === 'ok' ? frontmatter.fields : undefined;
  const name = nonEmptyString(fields?.value(['name'])) ?? folder;
  const description = nonEmptyString(fields?.value(['description']));
  if (!description)
    problems.push({
      severity: 'info',
      message: 'a skill needs a description in its frontmatter: runtimes list (and load) skills by it',
    });

  const bodyStart = frontmatter.kind === 'ok' ? frontmatter.bodyStart : 0;
  const body = lines.trimmedBlock(bodyStart, lines.lastLine);
  if (!body)
    problems.push({ severity: 'info', message: 'the body is empty: invoking this skill loads no instructions' });
  const bodyUnit: CostUnit = {
    name,
    kind: 'call',
    loading: 'on-invocation',
    range: body?.range ?? lines.fullRange,
    parts: body ? [{ role: 'body', label: 'skill body', ...body }] : [],
    messageCount: 1,
    sections: markdownSections(lines, bodyStart, lines.lastLine),
  };
  if (fields) Object.assign(bodyUnit, invocationSettings(fields));

  const units: CostUnit[] = [];
  if (fields && modelInvocationDisabled(fields)) {
    fields.info(
      ['disable-model-invocation'],
      'disable-model-invocation: the skill is not listed, so it costs nothing until invoked with /name',
    );
  } else if (description) {
    const range = frontmatter.kind === 'ok' ? frontmatter.range : lines.fullRange;
    const whenToUse = nonEmptyString(fields?.value(['when_to_use']));
    const listing = [`${name}: ${description}`, ...(whenToUse ? [whenToUse] : [])].join('\n');
    units.push({
      name: `${name} (listing)`,
      kind: 'always-on',
      loading: 'always-on',
      range,
      parts: [{ role: 'context', label: 'skill listing (name + description)', text: listing, range }],
      messageCount: 1,
      sections: [],
    });
  }
  units.push(bodyUnit);
  const outcome = frontmatterFileOutcome(frontmatter, bodyUnit, problems);
  return outcome.ok ? { ...outcome, units } : outcome;
}

/** `model`, `allowed-tools` (a list or a space/comma-separated string, as skills and slash commands write it). */
export function invocationSettings(fields: FieldReader): { model?: Declared<string>; tools?: string[] } {
  const model = fields.string(['model']);
  const raw = fields.value(['allowed-tools']);
  const tools =
    typeof raw === 'string' ? raw.split(/[,\s]+(?![^()]*\))/).filter((t) => t !== '') : fields.names(['allowed-tools']);
  return {
    ...(model && model.value.toLowerCase() !== 'inherit' && { model }),
    ...(tools && tools.length > 0 && { tools }),
  };
}

function modelInvocationDisabled(fields: FieldReader): boolean {
  const value = fields.value(['disable-model-invocation']);
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** `.claude/skills/pdf/SKILL.md` → `pdf`. */
function skillFolderName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  return parts.length >= 2 ? parts[parts.length - 2]! : baseName(path);
}
