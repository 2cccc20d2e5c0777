/**
 * The storage rules as pure functions: where a choice is kept (government-wide or one site), where each value goes
 * by sync's quotas, the write budget, and the migration of version-1 data. The same rules with the built extension
 * in Chromium: storage-chromium.node.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, STORAGE_VERSION, migrate, versionOf } from '../../extension/lib/migrations';
import { SYNC_LIMITS, WriteBudget, itemBytes, planMoveToSync, planWrite } from '../../extension/lib/quota';
import { DEFAULT_SETTINGS, keysFor, pageStateFrom, scopeOf, type Settings } from '../../extension/lib/settings';
import { changesFor, parseOps, storedEntry, type WriteOp } from '../../extension/lib/write-ops';

const big: Settings = { ...DEFAULT_SETTINGS, fontScale: 2, contrast: 'yellow' };
const mid: Settings = { ...DEFAULT_SETTINGS, fontScale: 1.5 };

/** Applies actions to a plain object the way the writer applies them to storage. */
function run(store: Record<string, unknown>, ...ops: WriteOp[]): Record<string, unknown> {
  const next = { ...store };
  for (const op of ops) {
    const keys = Object.keys(next).filter((k) => k === 'defaults' || k.startsWith('site:'));
    for (const [key, value] of changesFor(op, (k) => next[k], keys)) {
      if (value === null) delete next[key];
      else next[key] = value;
    }
  }
  return next;
}

describe('one choice for every government site', () => {
  it('a size chosen on one portal is the one every other portal opens with', () => {
    const store = run({}, { op: 'choose', host: 'a.gov.vn', settings: big });
    expect(store).toEqual({ defaults: big });
    expect(pageStateFrom(store, 'b.gov.vn')).toEqual({ enabled: true, settings: big, scope: 'government' });
    expect(pageStateFrom(store, 'a.gov.vn').settings).toEqual(big);
  });

  it('"only this site" keeps a copy for that site; later choices there stay there; turning it off follows the shared again', () => {
    let store = run({}, { op: 'choose', host: 'a.gov.vn', settings: mid }, { op: 'scope', host: 'a.gov.vn', scope: 'site' });
    expect(store['site:a.gov.vn']).toEqual({ settings: mid });
    store = run(store, { op: 'choose', host: 'a.gov.vn', settings: big });
    expect(pageStateFrom(store, 'a.gov.vn')).toEqual({ enabled: true, settings: big, scope: 'site' });
    expect(pageStateFrom(store, 'b.gov.vn').settings).toEqual(mid);
    store = run(store, { op: 'scope', host: 'a.gov.vn', scope: 'government' });
    expect(store['site:a.gov.vn']).toBeUndefined();
    expect(pageStateFrom(store, 'a.gov.vn')).toEqual({ enabled: true, settings: mid, scope: 'government' });
  });

  it('a choice made with scope "government" on a site that had its own makes it follow the shared again', () => {
    const store = run({ 'site:a.gov.vn': { enabled: true, settings: mid } }, { op: 'choose', host: 'a.gov.vn', settings: big, scope: 'government' });
    expect(store).toEqual({ defaults: big });
  });

  it('other sites keep their own settings, as before; the scope never applies to them', () => {
    const store = run({ 'site:example.org': { enabled: true } }, { op: 'choose', host: 'example.org', settings: big, scope: 'government' });
    expect(store).toEqual({ 'site:example.org': { enabled: true, settings: big } });
    expect(scopeOf('example.org', {})).toBe('site');
    expect(pageStateFrom(store, 'a.gov.vn').settings).toEqual(DEFAULT_SETTINGS);
  });

  it('on / off: government sites visited take no storage item; a turned-off site keeps its choice', () => {
    let store = run({}, { op: 'enabled', host: 'a.gov.vn', enabled: false });
    expect(store).toEqual({ 'site:a.gov.vn': { enabled: false } });
    store = run(store, { op: 'enabled', host: 'a.gov.vn', enabled: true });
    expect(store).toEqual({});
    expect(storedEntry('example.org', { enabled: false })).toEqual({ enabled: false });
  });

  it('a page reads everything it needs with one get of two keys; junk reads as the defaults', () => {
    expect(keysFor('a.gov.vn')).toEqual(['defaults', 'site:a.gov.vn']);
    expect(pageStateFrom('junk', 'a.gov.vn')).toEqual({ enabled: true, settings: DEFAULT_SETTINGS, scope: 'government' });
    expect(pageStateFrom({ defaults: 7, 'site:x.org': [] }, 'x.org')).toEqual({ enabled: false, settings: DEFAULT_SETTINGS, scope: 'site' });
  });

  it('replace writes the new values and removes every old key not in them', () => {
    const old = { defaults: mid, 'site:a.gov.vn': { enabled: false }, 'site:b.org': { enabled: true } };
    const changes = changesFor({ op: 'replace', defaults: big, sites: { 'b.org': { enabled: true, settings: big } } }, (k) => old[k as keyof typeof old], Object.keys(old));
    expect(Object.fromEntries(changes)).toEqual({ 'site:a.gov.vn': null, defaults: big, 'site:b.org': { enabled: true, settings: big } });
  });

  it('parseOps keeps valid actions only, with hosts normalised and settings validated', () => {
    expect(parseOps('x')).toBeNull();
    expect(parseOps([{ op: 'choose', host: 'A.GOV.VN', settings: { fontScale: 9, contrast: 'neon' } }, { op: 'evil' }, { op: 'scope', host: 'a b', scope: 'site' }])).toEqual([
      { op: 'choose', host: 'a.gov.vn', settings: { ...DEFAULT_SETTINGS, fontScale: 3 } },
    ]);
  });
});

describe('quotas: sync when it fits, local when it does not', () => {
  const site = (i: number) => [`site:s${i}.example`, { enabled: true, settings: big }] as const;

  it('counts an item as the browsers do: key plus JSON, in UTF-8 bytes', () => {
    expect(itemBytes('k', { a: 'ệ' })).toBe(1 + '{"a":"ệ"}'.length + 2);
  });

  it('everything goes to sync while it has room', () => {
    const plan = planWrite(new Map([site(1)]), {}, new Set(), 0);
    expect(plan).toEqual({ sync: Object.fromEntries([site(1)]), local: {}, removeSync: [], removeLocal: [] });
  });

  it('past MAX_ITEMS the new values go to local, the defaults first into sync', () => {
    const full = Object.fromEntries(Array.from({ length: SYNC_LIMITS.maxItems - 1 }, (_, i) => [`x${i}`, 1]));
    const changes = new Map<string, unknown>([site(1), ['defaults', big], site(2)]);
    const plan = planWrite(changes, full, new Set(), 4000);
    expect(Object.keys(plan.sync)).toEqual(['defaults']);
    expect(Object.keys(plan.local)).toEqual(['site:s1.example', 'site:s2.example']);
  });

  it('past QUOTA_BYTES, and an item over QUOTA_BYTES_PER_ITEM, go to local; the stale sync copy is removed after', () => {
    const [key, value] = site(1);
    const nearlyFull = planWrite(new Map([site(1)]), { [key]: { enabled: true } }, new Set(), SYNC_LIMITS.quotaBytes - 100);
    expect(nearlyFull).toEqual({ sync: {}, local: { [key]: value }, removeSync: [key], removeLocal: [] });
    const huge = planWrite(new Map([['defaults', 'x'.repeat(9000)]]), {}, new Set(), 0);
    expect(Object.keys(huge.local)).toEqual(['defaults']);
  });

  it('a value back in sync leaves local; a removal removes from both; removals free no room in the same plan', () => {
    const [key] = site(1);
    expect(planWrite(new Map([site(1)]), {}, new Set([key]), 0).removeLocal).toEqual([key]);
    expect(planWrite(new Map([[key, null]]), { [key]: 1 }, new Set([key]), 0)).toEqual({ sync: {}, local: {}, removeSync: [key], removeLocal: [key] });
    const full = Object.fromEntries(Array.from({ length: SYNC_LIMITS.maxItems }, (_, i) => [`site:o${i}.example`, 1]));
    const plan = planWrite(new Map<string, unknown>([site(1), ['site:o0.example', null]]), full, new Set(), 5000);
    expect(Object.keys(plan.local)).toEqual([key]);
  });

  it('moves local values back to sync as far as there is room', () => {
    const local = Object.fromEntries([site(1), site(2)]);
    const sync = Object.fromEntries(Array.from({ length: SYNC_LIMITS.maxItems - 1 }, (_, i) => [`x${i}`, 1]));
    expect(planMoveToSync(local, sync, 5000)).toEqual({ sync: Object.fromEntries([site(1)]), local: {}, removeSync: [], removeLocal: ['site:s1.example'] });
  });

  it('the write budget allows a burst, then about one operation every 2.4 s: never 120 a minute nor 1800 an hour', () => {
    const budget = new WriteBudget(20, 1500, 0);
    let t = 0;
    let ops = 0;
    const perMinute: number[] = [];
    // A page or a hand pressing as fast as it can, for an hour: each write is let through only when allowed.
    for (let minute = 0; minute < 60; minute++) {
      let n = 0;
      for (; t < (minute + 1) * 60_000; t += 50) {
        if (budget.waitFor(2, t) === 0) {
          budget.spend(2, t);
          n += 2;
        }
      }
      perMinute.push(n);
      ops += n;
    }
    expect(Math.max(...perMinute)).toBeLessThan(120);
    expect(ops).toBeLessThan(1800);
    expect(ops).toBeGreaterThan(1400);
  });
});

describe('migration from version 1', () => {
  const meta = { v: 1 };

  it('knows the version: schema, else "$" items mean 1, else current', () => {
    expect(versionOf({ schema: 2 })).toBe(2);
    expect(versionOf({ defaults: big, 'defaults$': meta })).toBe(1);
    expect(versionOf({})).toBe(STORAGE_VERSION);
    expect(migrate({})).toBeNull();
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual([1]);
  });

  it('the size chosen most on government sites becomes the shared one; equal copies go, different ones stay as "only this site"', () => {
    const v1 = {
      'site:a.gov.vn': { enabled: true, settings: big },
      'site:a.gov.vn$': meta,
      'site:b.gov.vn': { enabled: true, settings: big },
      'site:b.gov.vn$': meta,
      'site:c.gov.vn': { enabled: true, settings: mid },
      'site:c.gov.vn$': meta,
      'site:d.gov.vn': { enabled: false },
      'site:d.gov.vn$': meta,
      'site:example.org': { enabled: true, settings: big },
      'site:example.org$': meta,
    };
    const m = migrate(v1)!;
    expect(m.set).toEqual({ defaults: big, 'site:c.gov.vn': { settings: mid }, schema: 2 });
    expect(m.remove.sort()).toEqual([...Object.keys(v1).filter((k) => k.endsWith('$')), 'site:a.gov.vn', 'site:b.gov.vn'].sort());
    // Every site that had settings shows what it showed before; the one turned off stays off.
    const after: Record<string, unknown> = { ...v1, ...m.set };
    for (const k of m.remove) delete after[k];
    for (const host of ['a.gov.vn', 'b.gov.vn', 'c.gov.vn', 'example.org']) {
      expect(pageStateFrom(after, host), host).toEqual({ ...pageStateFrom(v1, host), scope: pageStateFrom(after, host).scope });
    }
    expect(pageStateFrom(after, 'd.gov.vn').enabled).toBe(false);
    expect(pageStateFrom(after, 'c.gov.vn').scope).toBe('site');
    expect(pageStateFrom(after, 'e.gov.vn').settings).toEqual(big);
  });

  it('defaults the reader chose stay the shared ones; sites keep theirs', () => {
    const v1 = { defaults: mid, 'defaults$': meta, 'site:a.gov.vn': { settings: big }, 'site:a.gov.vn$': meta };
    const m = migrate(v1)!;
    expect(m.set).toEqual({ schema: 2 });
    expect(m.remove.sort()).toEqual(['defaults$', 'site:a.gov.vn$']);
  });
});
