// The levers form: model, turns, sessions/day, turn cap, session budget stop, users, cache hit rate, retry rate,
// runaway share, routing, what happens when the context window fills (onContextFull), what is cached and for how long.
// Each input shows the scenario's own value beside it; a change that parses is handed to `onChange` (the app debounces runs),
// one that does not is marked invalid and sent nowhere.
import {
  CACHE_TTLS,
  CACHING_MODES,
  CONTEXT_FULL_ACTIONS,
  SCENARIO_LIMITS,
  type CacheTtl,
  type CachingMode,
  type ContextFullAction,
} from '../core/simulate/scenario';
import type { Levers, ModelOption } from './protocol';
import { el, fill } from './dom';

export interface LeversFormOptions {
  onChange(levers: Levers): void;
  onReset(): void;
}

type NumberLever =
  'turns' | 'sessionsPerDay' | 'maxTurns' | 'sessionStopUsd' | 'sessionsPerUserPerDay' | 'userIntensitySigma';
type ShareLever = 'cacheHitRate' | 'retryRate' | 'routingShare' | 'runawayRate';
type TextLever = 'model' | 'routingModel';

const NUMBER_LEVERS: Record<NumberLever, { label: string; min: number; max?: number; step: string }> = {
  // The engine's own bound on turns: past it a run would take hours, so the form refuses it and says why.
  turns: { label: 'Turns per session (median)', min: 1, max: SCENARIO_LIMITS.maxTurns, step: '0.5' },
  sessionsPerDay: { label: 'Sessions per day (median)', min: 0, step: 'any' },
  maxTurns: { label: 'Turn cap (stops runaway loops)', min: 1, max: SCENARIO_LIMITS.maxTurns, step: '1' },
  sessionStopUsd: { label: 'Stop a session at USD (0: no stop)', min: 0, step: 'any' },
  sessionsPerUserPerDay: {
    label: 'Sessions per user per day (0: no users)',
    min: 0,
    max: SCENARIO_LIMITS.sessionsPerUserPerDay,
    step: 'any',
  },
  userIntensitySigma: {
    label: 'Heavy-user skew (σ of intensity)',
    min: 0,
    max: SCENARIO_LIMITS.intensitySigma,
    step: '0.1',
  },
};

const SHARE_LEVERS: Record<ShareLever, { label: string; step: string }> = {
  cacheHitRate: { label: 'Cache hit rate', step: '1' },
  retryRate: { label: 'Retry rate', step: '0.5' },
  routingShare: { label: 'Share routed to the cheaper model', step: '1' },
  runawayRate: { label: 'Sessions that loop until the cap', step: '0.5' },
};

const TEXT_LEVERS: Record<TextLever, string> = { model: 'Model', routingModel: 'Cheaper model for routing' };

/** The levers chosen from a list: each value the engine knows, worded for the form, in the engine's order. */
const CHOICE_LEVERS: {
  onContextFull: ChoiceSpec<ContextFullAction>;
  caching: ChoiceSpec<CachingMode>;
  cacheTtl: ChoiceSpec<CacheTtl>;
} = {
  onContextFull: {
    label: 'When a call would not fit the context window',
    values: CONTEXT_FULL_ACTIONS,
    words: {
      compact: 'compact: a summary replaces the history',
      truncate: 'truncate: drop the oldest tokens',
      fail: 'fail: the session ends',
      flag: 'flag: price it anyway, count it',
    },
  },
  caching: {
    label: 'Prompt caching',
    values: CACHING_MODES,
    words: {
      conversation: 'conversation: each call reads the last one’s input',
      prefix: 'prefix: system prompt and tools only',
      off: 'off: nothing is cached',
    },
  },
  cacheTtl: {
    label: 'Cache lifetime',
    values: CACHE_TTLS,
    words: { '5m': '5 minutes', '1h': '1 hour (a higher write premium)' },
  },
};
type ChoiceLever = keyof typeof CHOICE_LEVERS;

interface ChoiceSpec<T extends string> {
  label: string;
  values: readonly T[];
  words: Record<T, string>;
}

const MODEL_LIST_ID = 'model-options';

export class LeversForm {
  readonly element: HTMLFormElement;
  private readonly doc: Document;
  private readonly text = new Map<TextLever, HTMLInputElement>();
  private readonly numbers = new Map<NumberLever, HTMLInputElement>();
  private readonly shares = new Map<ShareLever, { input: HTMLInputElement; output: HTMLOutputElement }>();
  private readonly defaultsShown = new Map<keyof Levers, HTMLElement>();
  private readonly models: HTMLDataListElement;
  private readonly choices = new Map<ChoiceLever, HTMLSelectElement>();

  constructor(
    doc: Document,
    private readonly options: LeversFormOptions,
  ) {
    this.doc = doc;
    this.models = el(doc, 'datalist', { id: MODEL_LIST_ID });
    const rows: HTMLElement[] = [];
    const row = (key: keyof Levers, label: string, control: HTMLElement, extra?: HTMLElement) => {
      const shown = el(doc, 'span', { className: 'lever-default' });
      this.defaultsShown.set(key, shown);
      rows.push(
        el(
          doc,
          'div',
          { className: 'lever', attrs: { 'data-lever': key } },
          el(doc, 'label', { attrs: { for: `lever-${key}` }, text: label }),
          control,
          extra,
          shown,
        ),
      );
    };
    const textInput = (key: TextLever) => {
      const input = el(doc, 'input', {
        id: `lever-${key}`,
        attrs: { type: 'text', list: MODEL_LIST_ID, spellcheck: 'false', autocomplete: 'off' },
      });
      this.text.set(key, input);
      return input;
    };
    row('model', TEXT_LEVERS.model, textInput('model'));
    for (const key of Object.keys(NUMBER_LEVERS) as NumberLever[]) {
      const spec = NUMBER_LEVERS[key];
      const attrs: Record<string, string> = {
        type: 'number',
        min: String(spec.min),
        step: spec.step,
        inputmode: 'decimal',
      };
      if (spec.max !== undefined) {
        attrs.max = String(spec.max);
        attrs.title = `${spec.min} to ${spec.max.toLocaleString('en-US')} (the simulation's bound)`;
      }
      const input = el(doc, 'input', { id: `lever-${key}`, attrs });
      this.numbers.set(key, input);
      row(key, spec.label, input);
    }
    for (const key of Object.keys(SHARE_LEVERS) as ShareLever[]) {
      const spec = SHARE_LEVERS[key];
      const input = el(doc, 'input', {
        id: `lever-${key}`,
        attrs: { type: 'range', min: '0', max: '100', step: spec.step },
      });
      const output = el(doc, 'output', { attrs: { for: `lever-${key}` } });
      this.shares.set(key, { input, output });
      row(key, spec.label, input, output);
    }
    row('routingModel', TEXT_LEVERS.routingModel, textInput('routingModel'));
    for (const key of Object.keys(CHOICE_LEVERS) as ChoiceLever[]) {
      const spec: ChoiceSpec<string> = CHOICE_LEVERS[key];
      const select = el(
        doc,
        'select',
        { id: `lever-${key}` },
        ...spec.values.map((value) => el(doc, 'option', { attrs: { value }, text: spec.words[value] })),
      );
      // A select reports a new choice with 'change' (not every engine sends 'input' for it).
      select.addEventListener('change', () => this.changed());
      this.choices.set(key, select);
      row(key, spec.label, select);
    }
    const reset = el(doc, 'button', {
      className: 'secondary',
      attrs: { type: 'button', 'data-action': 'reset-levers' },
      text: 'Reset to the scenario',
    });
    reset.addEventListener('click', () => options.onReset());
    this.element = el(
      doc,
      'form',
      { className: 'levers', attrs: { 'aria-label': 'Levers' } },
      ...rows,
      this.models,
      el(doc, 'div', { className: 'lever-actions' }, reset),
    );
    this.element.addEventListener('submit', (event) => event.preventDefault());
    this.element.addEventListener('input', () => this.changed());
  }

  /** Shows `levers`, with the scenario's own values (`defaults`) beside them. */
  show(levers: Levers, defaults: Levers, models: readonly ModelOption[]): void {
    if (this.models.options.length !== models.length) {
      fill(
        this.models,
        ...models.map((m) => el(this.doc, 'option', { attrs: { value: m.id, label: `${m.id} — ${m.detail}` } })),
      );
    }
    for (const [key, input] of this.text) input.value = levers[key];
    for (const [key, input] of this.numbers) input.value = String(levers[key]);
    for (const [key, select] of this.choices) select.value = levers[key];
    for (const [key, { input, output }] of this.shares) {
      input.value = String(Math.round(levers[key] * 1000) / 10);
      output.value = percentText(levers[key]);
    }
    for (const [key, shown] of this.defaultsShown) {
      const value = defaults[key];
      const count = key in NUMBER_LEVERS;
      const text =
        key === 'sessionStopUsd'
          ? Number(value) > 0
            ? `$${String(value)}`
            : 'no stop'
          : typeof value === 'number' && !count
            ? percentText(value)
            : String(value);
      shown.textContent = `scenario: ${text}`;
    }
    this.element.querySelectorAll('input').forEach((input) => input.removeAttribute('aria-invalid'));
  }

  /** The levers as the inputs say, or undefined while one of them is not a valid value. */
  read(): Levers | undefined {
    let valid = true;
    const mark = (input: HTMLInputElement, ok: boolean) => {
      if (ok) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
      valid &&= ok;
    };
    const textValue = (key: TextLever) => {
      const input = this.text.get(key)!;
      mark(input, input.value.trim().length > 0);
      return input.value.trim();
    };
    const numberValue = (key: NumberLever) => {
      const input = this.numbers.get(key)!;
      const value = Number(input.value);
      const { min, max } = NUMBER_LEVERS[key];
      mark(
        input,
        input.value.trim() !== '' && Number.isFinite(value) && value >= min && (max === undefined || value <= max),
      );
      return value;
    };
    const shareValue = (key: ShareLever) => {
      const { input, output } = this.shares.get(key)!;
      const value = Math.min(100, Math.max(0, Number(input.value))) / 100;
      output.value = percentText(value);
      return value;
    };
    const levers: Levers = {
      model: textValue('model'),
      turns: numberValue('turns'),
      cacheHitRate: shareValue('cacheHitRate'),
      retryRate: shareValue('retryRate'),
      sessionsPerDay: numberValue('sessionsPerDay'),
      routingShare: shareValue('routingShare'),
      routingModel: textValue('routingModel'),
      maxTurns: numberValue('maxTurns'),
      runawayRate: shareValue('runawayRate'),
      sessionsPerUserPerDay: numberValue('sessionsPerUserPerDay'),
      userIntensitySigma: numberValue('userIntensitySigma'),
      sessionStopUsd: numberValue('sessionStopUsd'),
      onContextFull: this.choice('onContextFull'),
      caching: this.choice('caching'),
      cacheTtl: this.choice('cacheTtl'),
    };
    return valid ? levers : undefined;
  }

  setEnabled(enabled: boolean): void {
    this.element
      .querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>('input, button, select')
      .forEach((control) => (control.disabled = !enabled));
  }

  /** The select's value, or the first the engine knows if the page was tampered with. */
  private choice<K extends ChoiceLever>(key: K): (typeof CHOICE_LEVERS)[K]['values'][number] {
    const values: readonly string[] = CHOICE_LEVERS[key].values;
    const value = this.choices.get(key)!.value;
    return (values.includes(value) ? value : values[0]) as (typeof CHOICE_LEVERS)[K]['values'][number];
  }

  private changed(): void {
    const levers = this.read();
    if (levers) this.options.onChange(levers);
  }
}

function percentText(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
