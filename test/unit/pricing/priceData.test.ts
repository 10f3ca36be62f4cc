import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  activePriceData,
  BUNDLED_PRICE_DATA,
  findExactModel,
  providerIds,
  usePriceData,
} from '../../../src/core/pricing/catalog';
import { ageInDays, priceDataLine, staleNotice, STALE_AFTER_DAYS } from '../../../src/core/pricing/freshness';
import { parsePriceData } from '../../../src/core/pricing/priceDataFile';
import { applyPriceData, loadPinnedPriceData, loadStoredPriceData } from '../../../src/core/pricing/priceDataStore';
import { resolveModel } from '../../../src/core/pricing/resolve';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';
import { FIXTURE_HAIKU_5_5, fixturePriceData } from './priceDataFixture';

describe('price data: pinned files, freshness, the library shape', () => {
  afterEach(() => usePriceData());

  it('accepts the library shape and refuses other JSON with the reason', () => {
    assert.ok(parsePriceData(JSON.stringify(fixturePriceData())).ok);
    const cases: [string, RegExp][] = [
      ['{"providers": []}', /expected a list of providers/],
      ['[]', /empty/],
      ['not json', /not JSON/],
      [
        '[{"id": "x", "name": "X", "api_pattern": "", "models": [{"id": "m", "match": {"equals": "m"}, "prices": {"input_mtok": -1}}]}]',
        /prices must map/,
      ],
      [
        '[{"id": "x", "name": "X", "api_pattern": "", "models": [{"id": "m", "match": {"regex": "^(a+)+$"}, "prices": {}}]}]',
        /match is not a valid/,
      ],
      [
        '[{"id": "x", "name": "X", "api_pattern": "", "models": [{"id": "m", "match": {"nope": "m"}, "prices": {}}]}]',
        /match is not a valid/,
      ],
      ['[{"id": "x", "name": "X"}]', /api_pattern/],
    ];
    for (const [text, reason] of cases) {
      const parsed = parsePriceData(text);
      assert.strictEqual(parsed.ok, false, text);
      assert.match(parsed.ok ? '' : parsed.error, reason, text);
      assert.match(parsed.ok ? '' : parsed.error, /not a genai-prices data file/);
    }
  });

  it('prices with a pinned file, and goes back to the bundled data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-prices-'));
    const file = path.join(dir, 'prices.json');
    fs.writeFileSync(file, JSON.stringify(fixturePriceData()));
    const applied = applyPriceData(loadPinnedPriceData(file, 'prices.json'));
    assert.ok(applied.ok);
    assert.strictEqual(activePriceData().kind, 'pinned');
    assert.deepStrictEqual([...providerIds()], ['anthropic', 'openai']);
    const haiku = resolveModel('haiku');
    assert.ok(haiku.ok, 'Claude Code runs haiku as Haiku 5.5, which this file prices');
    assert.strictEqual(haiku.rates.modelId, 'claude-haiku-5-5');
    assert.strictEqual(haiku.rates.inputPerMTok, FIXTURE_HAIKU_5_5.input);
    assert.match(haiku.rates.source, /prices\.json/);
    assert.strictEqual(findExactModel('gpt-4.1')?.inputPerMTok, 9);
    usePriceData();
    assert.strictEqual(activePriceData().kind, 'bundled');
    assert.notStrictEqual(findExactModel('gpt-4.1')?.inputPerMTok, 9);
    assert.strictEqual(resolveModel('haiku').ok, false);
  });

  it('keeps the bundled data when a pinned or stored file fails the check, saying why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-prices-'));
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '[{"id": "x"}]');
    const applied = applyPriceData(loadPinnedPriceData(file, 'broken.json'));
    assert.strictEqual(applied.ok, false);
    assert.match(applied.ok ? '' : applied.error, /broken\.json: not a genai-prices data file.*using the bundled data/);
    assert.strictEqual(activePriceData().kind, 'bundled');
    fs.writeFileSync(path.join(dir, 'genai-prices-data.json'), '[]');
    fs.writeFileSync(
      path.join(dir, 'genai-prices-meta.json'),
      JSON.stringify({ fetchedAt: '2026-11-30T10:00:00Z', url: 'http://127.0.0.1/x', bytes: 2, models: 0 }),
    );
    const stored = loadStoredPriceData(dir);
    assert.ok(stored && !stored.ok && /using the bundled data/.test(stored.error));
    assert.strictEqual(loadStoredPriceData(path.join(dir, 'none')), undefined);
  });

  it('says how old the data is, and gives a notice past 60 days', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    assert.strictEqual(ageInDays('2026-09-23', now), 69);
    assert.match(priceDataLine(BUNDLED_PRICE_DATA, now), /as of 2026-09-23\), 69 days old$/);
    assert.match(staleNotice(BUNDLED_PRICE_DATA, now) ?? '', /69 days old.*burnrate prices update/);
    const fresh = new Date(Date.parse('2026-09-23T00:00:00Z') + STALE_AFTER_DAYS * 86_400_000);
    assert.strictEqual(staleNotice(BUNDLED_PRICE_DATA, fresh), undefined);
  });

  it('reads aliases: and priceData: from the usage file, Object.prototype names included', () => {
    const { config, problems } = parseUsageFile(
      'aliases:\n  haiku: claude-haiku-4-5\n  __proto__: gpt-4.1\n  bad: 3\npriceData: prices/pinned.json\n',
    );
    assert.deepStrictEqual(
      config.aliases?.map((a) => [a.alias, a.model]),
      [
        ['haiku', 'claude-haiku-4-5'],
        ['__proto__', 'gpt-4.1'],
      ],
    );
    assert.strictEqual(config.priceData?.path, 'prices/pinned.json');
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0]!.message, /aliases entry/);
    const r = resolveModel('__proto__', { aliases: config.aliases ?? [] });
    assert.ok(r.ok && r.rates.modelId === 'gpt-4.1');
  });
});
