// The webview app in jsdom: the handshake, runs as typed messages, a result drawn with its P50/P90/P99, debounced
// levers, stale replies ignored, state restored after a reload.
import * as assert from 'assert';
import { percent, usd } from '../../../src/core/present/money';
import { DEFAULT_SEED, DEFAULT_SESSIONS } from '../../../src/webview/protocol';
import { agentSource, delay, initMessage, openPage, resultMessage, type, type Page } from './fixtures';

describe('webview app', () => {
  let page: Page | undefined;
  afterEach(() => page?.close());

  it('says ready first and runs nothing before the host answers', () => {
    page = openPage();
    page.app.start();
    assert.deepStrictEqual(page.posted, [{ type: 'ready' }]);
  });

  it('runs the first scenario at its own lever values once the scenario list arrives', () => {
    page = openPage();
    page.app.start();
    const routed = agentSource('routed', { routing: { model: 'claude-haiku-4-5', share: 0.6, per: 'call' } });
    const plain = agentSource('plain');
    page.app.receive(initMessage([routed, plain]));
    const runs = page.sent('run');
    assert.strictEqual(runs.length, 1);
    assert.strictEqual(runs[0]!.scenarioId, routed.choice.id);
    assert.deepStrictEqual(runs[0]!.levers, routed.choice.defaults);
    assert.strictEqual(runs[0]!.sessions, DEFAULT_SESSIONS);
    assert.strictEqual(runs[0]!.seed, DEFAULT_SEED);
    assert.strictEqual(page.doc.querySelector<HTMLInputElement>('#lever-routingShare')!.value, '60');
    assert.strictEqual(page.doc.querySelector<HTMLInputElement>('#lever-model')!.value, 'claude-sonnet-4-5');
  });

  it('draws a result: P50/P90/P99 cards, markers on the histogram, tables, and reports what it drew', async () => {
    page = openPage();
    page.app.start();
    const source = agentSource();
    page.app.receive(initMessage([source]));
    const run = page.sent('run')[0]!;
    const message = await resultMessage(source, run.requestId);
    page.app.receive(message);
    const base = message.report.scenarios[0]!.runs[0]!;

    const card = (stat: string) => page!.doc.querySelector(`.card[data-stat="${stat}"] .card-value`)!.textContent;
    assert.strictEqual(card('P50'), usd(base.perSession.p50));
    assert.strictEqual(card('P90'), usd(base.perSession.p90));
    assert.strictEqual(card('P99'), usd(base.perSession.p99));
    assert.ok(base.perSession.p50 < base.perSession.p90 && base.perSession.p90 < base.perSession.p99);

    const histogram = page.charts.histograms.at(-1)!;
    const markers = histogram.data.datasets.filter((d) => d.type === 'line');
    assert.deepStrictEqual(
      markers.map((d) => [d.label, d.data[0]!.x, d.data[1]!.x]),
      [
        [`P50 ${usd(base.perSession.p50)}`, base.perSession.p50, base.perSession.p50],
        [`P90 ${usd(base.perSession.p90)}`, base.perSession.p90, base.perSession.p90],
        [`P99 ${usd(base.perSession.p99)}`, base.perSession.p99, base.perSession.p99],
      ],
    );

    const presetsHeader = [...page.doc.querySelectorAll('table.presets thead th')].map((th) => th.textContent);
    assert.deepStrictEqual(presetsHeader.slice(1), ['base', 'bull', 'stress'], 'the presets side by side');
    assert.strictEqual(page.doc.querySelectorAll('table.components tbody tr').length, base.components.length);
    assert.ok(
      page.doc.querySelectorAll('table.gates tbody tr').length === 6,
      'per-session and per-day gates, three levels each',
    );
    assert.strictEqual(page.doc.querySelector<HTMLElement>('.results')!.hidden, false);

    const rendered = page.sent('rendered');
    assert.strictEqual(rendered.length, 1);
    const summary = rendered[0]!.summary;
    assert.strictEqual(summary.requestId, run.requestId);
    assert.strictEqual(summary.source, 'run');
    assert.deepStrictEqual(summary.markers, {
      preset: 'base',
      p50: base.perSession.p50,
      p90: base.perSession.p90,
      p99: base.perSession.p99,
    });
    assert.deepStrictEqual(
      summary.presets.map((p) => p.preset),
      ['base', 'bull', 'stress'],
    );
    assert.strictEqual(summary.chartsDrawn, 2);
    assert.strictEqual(summary.rows.gates, 6);
    // The bull and stress presets load more per session than base.
    assert.ok(summary.presets[2]!.p90 > summary.presets[0]!.p90);
  });

  it('debounces lever changes into one typed run request with the new values', async () => {
    page = openPage(undefined, 30);
    page.app.start();
    const source = agentSource();
    page.app.receive(initMessage([source]));
    type(page, '#lever-turns', '6');
    type(page, '#lever-turns', '7');
    type(page, '#lever-cacheHitRate', '80');
    assert.strictEqual(page.sent('run').length, 1, 'nothing sent while the levers move');
    await delay(80);
    const runs = page.sent('run');
    assert.strictEqual(runs.length, 2);
    assert.deepStrictEqual(runs[1]!.levers, { ...source.choice.defaults!, turns: 7, cacheHitRate: 0.8 });
    assert.notStrictEqual(runs[1]!.requestId, runs[0]!.requestId);
  });

  it('offers onContextFull as a lever and shows how many sessions hit the window', async () => {
    page = openPage(undefined, 10);
    page.app.start();
    const source = agentSource('windowed', { onContextFull: 'compact', compactAtTokens: 4000 });
    page.app.receive(initMessage([source]));
    const first = page.sent('run')[0]!;
    assert.strictEqual(first.levers.onContextFull, 'compact');
    const select = page.doc.querySelector<HTMLSelectElement>('#lever-onContextFull')!;
    assert.strictEqual(select.value, 'compact');
    assert.deepStrictEqual(
      [...select.options].map((o) => o.value),
      ['compact', 'truncate', 'fail', 'flag'],
    );
    const message = await resultMessage(source, first.requestId);
    page.app.receive(message);
    const base = message.report.scenarios[0]!.runs[0]!;
    assert.ok(base.contextFull.hitSessions > 0 && base.contextFull.hitShare < 1, JSON.stringify(base.contextFull));
    const value = page.doc.querySelector('.card[data-stat="window full"] .card-value')!.textContent;
    assert.strictEqual(value, percent(base.contextFull.hitShare));
    const detail = page.doc.querySelector('.card[data-stat="window full"] .card-detail')!.textContent!;
    assert.ok(
      detail.includes(`at 4,000 tokens: ${base.contextFull.hitSessions.toLocaleString('en-US')} compacted`),
      detail,
    );
    assert.deepStrictEqual(page.sent('rendered')[0]!.summary.contextFull, {
      preset: 'base',
      action: 'compact',
      hitSessions: base.contextFull.hitSessions,
      hitShare: base.contextFull.hitShare,
    });

    select.value = 'fail';
    select.dispatchEvent(new page.dom.window.Event('change', { bubbles: true }));
    await delay(40);
    const runs = page.sent('run');
    assert.strictEqual(runs.length, 2);
    assert.deepStrictEqual(runs[1]!.levers, { ...source.choice.defaults!, onContextFull: 'fail' });
  });

  it('offers caching, its lifetime and a session stop as levers, each showing the scenario’s own value', async () => {
    const opened = openPage(undefined, 10);
    page = opened;
    page.app.start();
    const source = agentSource('levers', { caching: 'prefix', cacheTtl: '1h' });
    page.app.receive(initMessage([source]));
    const options = (id: string) => [...opened.doc.querySelector<HTMLSelectElement>(id)!.options].map((o) => o.value);
    assert.deepStrictEqual(options('#lever-caching'), ['conversation', 'prefix', 'off']);
    assert.deepStrictEqual(options('#lever-cacheTtl'), ['5m', '1h']);
    assert.strictEqual(page.doc.querySelector<HTMLSelectElement>('#lever-caching')!.value, 'prefix');
    assert.strictEqual(page.doc.querySelector<HTMLSelectElement>('#lever-cacheTtl')!.value, '1h');
    const shown = (key: string) => opened.doc.querySelector(`.lever[data-lever="${key}"] .lever-default`)!.textContent;
    assert.strictEqual(shown('caching'), 'scenario: prefix');
    assert.strictEqual(shown('sessionStopUsd'), 'scenario: no stop');

    const caching = page.doc.querySelector<HTMLSelectElement>('#lever-caching')!;
    caching.value = 'off';
    caching.dispatchEvent(new page.dom.window.Event('change', { bubbles: true }));
    await delay(40);
    type(page, '#lever-sessionStopUsd', '0.25');
    await delay(40);
    const runs = page.sent('run');
    assert.deepStrictEqual(runs[runs.length - 1]!.levers, {
      ...source.choice.defaults!,
      caching: 'off',
      sessionStopUsd: 0.25,
    });
    const before = runs.length;
    type(page, '#lever-sessionStopUsd', '-1');
    await delay(40);
    assert.strictEqual(page.sent('run').length, before, 'a negative stop is not sent');
    assert.strictEqual(page.doc.querySelector('#lever-sessionStopUsd')!.getAttribute('aria-invalid'), 'true');
  });

  it('sends nothing for an invalid lever and marks it', async () => {
    page = openPage(undefined, 10);
    page.app.start();
    page.app.receive(initMessage([agentSource()]));
    type(page, '#lever-turns', '0');
    await delay(40);
    assert.strictEqual(page.sent('run').length, 1);
    assert.strictEqual(page.doc.querySelector('#lever-turns')!.getAttribute('aria-invalid'), 'true');
  });

  it('ignores progress and results of a superseded run', async () => {
    page = openPage(undefined, 5);
    page.app.start();
    const source = agentSource();
    page.app.receive(initMessage([source]));
    const first = page.sent('run')[0]!;
    type(page, '#lever-turns', '8');
    await delay(30);
    const second = page.sent('run')[1]!;
    page.app.receive({ type: 'progress', requestId: first.requestId, done: 10, total: 100, preset: 'base' });
    assert.doesNotMatch(page.doc.querySelector('.status-text')!.textContent!, /10%/);
    page.app.receive(await resultMessage(source, first.requestId));
    assert.strictEqual(page.sent('rendered').length, 0, 'the old result is not drawn');
    page.app.receive({ type: 'progress', requestId: second.requestId, done: 50, total: 100, preset: 'bull' });
    assert.match(page.doc.querySelector('.status-text')!.textContent!, /bull… 50%/);
    page.app.receive(await resultMessage(source, second.requestId, 2000, second.levers));
    assert.strictEqual(page.sent('rendered')[0]!.summary.requestId, second.requestId);
  });

  it('redraws its charts in the new colours when VS Code switches theme', async () => {
    page = openPage();
    page.app.start();
    const source = agentSource();
    page.app.receive(initMessage([source]));
    page.app.receive(await resultMessage(source, page.sent('run')[0]!.requestId));
    assert.strictEqual(page.charts.histograms.length, 1);
    page.doc.documentElement.style.setProperty('--vscode-charts-blue', '#123456');
    page.doc.body.className = 'vscode-dark';
    await delay(10);
    assert.strictEqual(page.charts.histograms.length, 2);
    assert.strictEqual(page.charts.destroyed, 2, 'the old histogram and turns charts were destroyed first');
    assert.strictEqual(page.charts.histograms[1]!.data.datasets[0]!.backgroundColor, '#123456');
  });

  it('shows a failed run as an error, not a result', () => {
    page = openPage();
    page.app.start();
    page.app.receive(initMessage([agentSource()]));
    const run = page.sent('run')[0]!;
    page.app.receive({ type: 'runFailed', requestId: run.requestId, message: 'no price for "gpt-9"', problems: [] });
    const error = page.doc.querySelector('.problem.error');
    assert.strictEqual(error?.textContent, 'no price for "gpt-9"');
    assert.strictEqual(page.doc.querySelector<HTMLElement>('.results')!.hidden, true);
  });

  it('posts exports of the drawn result with its run id, and shows the reply', async () => {
    page = openPage();
    page.app.start();
    const source = agentSource();
    page.app.receive(initMessage([source]));
    const run = page.sent('run')[0]!;
    const button = () => page!.doc.querySelector<HTMLButtonElement>('button[data-export="csv"][data-to="file"]')!;
    assert.strictEqual(button().disabled, true, 'nothing to export yet');
    page.app.receive(await resultMessage(source, run.requestId));
    assert.strictEqual(button().disabled, false);
    button().click();
    const request = page.sent('export')[0]!;
    assert.deepStrictEqual(
      { ...request, requestId: 'x' },
      { type: 'export', requestId: 'x', runRequestId: run.requestId, format: 'csv', to: 'file' },
    );
    page.app.receive({ type: 'exported', requestId: request.requestId, ok: true, message: 'Saved out.csv.' });
    assert.strictEqual(page.doc.querySelector('.export-status')!.textContent, 'Saved out.csv.');
  });

  it('after a reload, draws the saved result at once, then asks for the same scenario and levers again', async () => {
    page = openPage(undefined, 5);
    page.app.start();
    const source = agentSource();
    const other = agentSource('other');
    page.app.receive(initMessage([other, source]));
    page.doc.querySelector<HTMLSelectElement>('#scenario')!.value = source.choice.id;
    page.doc.querySelector('#scenario')!.dispatchEvent(new page.dom.window.Event('change'));
    type(page, '#lever-retryRate', '20');
    await delay(30);
    const run = page.sent('run').at(-1)!;
    const result = await resultMessage(source, run.requestId, 2000, run.levers);
    page.app.receive(result);
    const saved = page.states.at(-1)!;
    page.close();

    page = openPage(saved);
    page.app.start();
    const restored = page.sent('rendered')[0]!.summary;
    assert.strictEqual(restored.source, 'restored');
    assert.strictEqual(restored.markers.p50, result.report.scenarios[0]!.runs[0]!.perSession.p50);
    assert.strictEqual(
      page.doc.querySelector('.card[data-stat="P50"] .card-value')!.textContent,
      usd(restored.markers.p50),
    );
    assert.deepStrictEqual(page.posted.at(-1), { type: 'ready', restoredScenarioId: source.choice.id });
    page.app.receive(initMessage([other, source]));
    const again = page.sent('run')[0]!;
    assert.strictEqual(again.scenarioId, source.choice.id);
    assert.strictEqual(again.levers.retryRate, 0.2);
  });

  it('drops saved levers when the scenario changed since they were saved', () => {
    const source = agentSource();
    const saved = {
      version: 1,
      scenarioId: source.choice.id,
      levers: { ...source.choice.defaults!, turns: 9 },
      defaults: { ...source.choice.defaults!, turns: 3 },
      sessions: 5000,
      chartPreset: 'base',
    };
    page = openPage(saved);
    page.app.start();
    page.app.receive(initMessage([source]));
    const run = page.sent('run')[0]!;
    assert.deepStrictEqual(run.levers, source.choice.defaults);
    assert.strictEqual(run.sessions, 5000, 'the run size is kept');
  });

  it('a host selection (command argument) wins over the saved one, with its levers over the defaults', () => {
    const a = agentSource('a');
    const b = agentSource('b');
    page = openPage({ version: 1, scenarioId: a.choice.id, sessions: 20000, chartPreset: 'base' });
    page.app.start();
    page.app.receive(initMessage([a, b], { select: { scenarioId: b.choice.id, levers: { turns: 12 } } }));
    const run = page.sent('run')[0]!;
    assert.strictEqual(run.scenarioId, b.choice.id);
    assert.deepStrictEqual(run.levers, { ...b.choice.defaults!, turns: 12 });
  });

  it('explains an empty scenario list instead of running', () => {
    page = openPage();
    page.app.start();
    page.app.receive(initMessage([]));
    assert.strictEqual(page.sent('run').length, 0);
    assert.match(page.doc.querySelector('.problems')!.textContent!, /No scenario to simulate/);
  });

  it('ignores messages that are not the host protocol', () => {
    page = openPage();
    page.app.start();
    for (const junk of [
      null,
      'init',
      { type: 'init' },
      { type: 'result', requestId: 1 },
      { type: 'evil', requestId: 'x' },
    ])
      page.app.receive(junk);
    assert.deepStrictEqual(page.posted, [{ type: 'ready' }]);
  });
});
