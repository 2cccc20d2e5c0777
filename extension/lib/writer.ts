/**
 * The one writer of the settings, in the background. Every context (popup, options, welcome page, content scripts,
 * shortcuts) sends it actions; it applies them in order on the freshest values, coalesces them (many presses make
 * one write), keeps within sync's write quota, checks sync's size quotas before writing and puts what does not fit
 * in local storage instead, writing new values before removing old ones.
 */
import { browser, type Browser } from 'wxt/browser';
import { migrate } from './migrations';
import { WriteBudget, planMoveToSync, planWrite, SYNC_LIMITS, type SyncLimits, type WritePlan } from './quota';
import { DEFAULTS_KEY, SITE_PREFIX } from './settings';
import { changesFor, type Changes, type WriteOp } from './write-ops';
import type { WriteResult } from './store';

/** Quiet time after the last action before writing: a run of presses is written once. */
const SETTLE_MS = 400;
/** A run of presses that never pauses is still written this often. */
const MAX_DELAY_MS = 2_000;

type StorageArea = Browser.storage.StorageArea;
const sync = (): StorageArea | null => (typeof browser.storage?.sync?.get === 'function' ? browser.storage.sync : null);
const local = (): StorageArea => browser.storage.local;
const isSettingsKey = (key: string) => key === DEFAULTS_KEY || key.startsWith(SITE_PREFIX);

function limits(): SyncLimits {
  const s = sync() as unknown as Partial<Record<'QUOTA_BYTES' | 'QUOTA_BYTES_PER_ITEM' | 'MAX_ITEMS', number>> | null;
  return {
    quotaBytes: s?.QUOTA_BYTES ?? SYNC_LIMITS.quotaBytes,
    quotaBytesPerItem: s?.QUOTA_BYTES_PER_ITEM ?? SYNC_LIMITS.quotaBytesPerItem,
    maxItems: s?.MAX_ITEMS ?? SYNC_LIMITS.maxItems,
  };
}

async function bytesInUse(area: StorageArea, all: Record<string, unknown>): Promise<number> {
  const measure = (area as unknown as { getBytesInUse?: (keys: null) => Promise<number> }).getBytesInUse;
  if (typeof measure === 'function') {
    try {
      return await measure.call(area, null);
    } catch {
      // Firefox before 131 has no sync.getBytesInUse: counted below as the browsers count.
    }
  }
  return Object.entries(all).reduce((n, [k, v]) => n + new TextEncoder().encode(k + JSON.stringify(v)).length, 0);
}

interface Waiter {
  resolve: (result: WriteResult) => void;
}

/** Creates the writer (one per background). `now` is injectable for tests of the schedule. */
export function createWriter(now: () => number = Date.now) {
  const budget = new WriteBudget(20, 1_500, now());
  let pending: Changes = new Map();
  let waiters: Waiter[] = [];
  let firstAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Actions are applied one at a time, each on the values the previous one left. */
  let queue: Promise<unknown> = Promise.resolve();

  async function readMerged(keys: string[] | null): Promise<Record<string, unknown>> {
    const [s, l] = await Promise.all([sync()?.get(keys).catch(() => ({})) ?? {}, local().get(keys).catch(() => ({}))]);
    return { ...s, ...l };
  }

  async function apply(ops: WriteOp[]): Promise<void> {
    const needAll = ops.some((op) => op.op === 'replace');
    const keys = needAll ? null : [...new Set(ops.flatMap((op) => (op.op === 'defaults' ? [DEFAULTS_KEY] : [DEFAULTS_KEY, ...('host' in op ? [SITE_PREFIX + op.host] : [])])))];
    const stored = await readMerged(keys);
    const read = (key: string) => (pending.has(key) ? pending.get(key) : stored[key]);
    for (const op of ops) {
      const storedKeys = needAll ? [...new Set([...Object.keys(stored), ...pending.keys()])].filter((k) => isSettingsKey(k) && read(k) != null) : [];
      for (const [key, value] of changesFor(op, read, storedKeys)) pending.set(key, value);
    }
  }

  function schedule(): void {
    clearTimeout(timer);
    const t = now();
    const settle = Math.min(SETTLE_MS, Math.max(0, firstAt + MAX_DELAY_MS - t));
    // Two sync operations at most per write (one set, one remove).
    timer = setTimeout(() => void (queue = queue.then(flush)), Math.max(settle, budget.waitFor(2, t)));
  }

  async function flush(): Promise<void> {
    if (!pending.size) return;
    const wait = budget.waitFor(2, now());
    if (wait > 0) {
      timer = setTimeout(() => void (queue = queue.then(flush)), wait);
      return;
    }
    const changes = pending;
    const done = waiters;
    pending = new Map();
    waiters = [];
    const result = await write(changes);
    for (const w of done) w.resolve(result);
  }

  /** Writes a set of changes: plan by quota, write, then remove; then moves local values back where room allows. */
  async function write(changes: Changes): Promise<WriteResult> {
    const s = sync();
    try {
      const syncAll = s ? await s.get(null) : {};
      const localAll = await local().get(null);
      const plan = planWrite(changes, syncAll, new Set(Object.keys(localAll)), s ? await bytesInUse(s, syncAll) : 0, limits(), !!s);
      const where = await run(plan);
      // Room freed in sync (a removed site, the old half of an import): local values move back.
      const leftLocal = Object.fromEntries(Object.entries(await local().get(null)).filter(([k]) => isSettingsKey(k)));
      if (s && Object.keys(leftLocal).length && plan.removeSync.length > 0) {
        const syncNow = await s.get(null);
        const move = planMoveToSync(leftLocal, syncNow, await bytesInUse(s, syncNow), limits());
        if (Object.keys(move.sync).length && budget.waitFor(1, now()) === 0) await run(move).catch(() => undefined);
      }
      const stillLocal = Object.keys(await local().get(null)).filter(isSettingsKey).length;
      return { ok: true, where, localItems: stillLocal };
    } catch (error) {
      console.warn('Accessible Reader: could not save the settings.', error);
      return { ok: false, where: 'none', localItems: 0 };
    }
  }

  /** Carries out a plan; a sync write the browser refuses anyway (quota) goes to local instead. */
  async function run(plan: WritePlan): Promise<'sync' | 'local'> {
    const s = sync();
    let toLocal = { ...plan.local };
    let removeSync = [...plan.removeSync];
    let removeLocal = [...plan.removeLocal];
    if (s && Object.keys(plan.sync).length) {
      budget.spend(1, now());
      try {
        await s.set(plan.sync);
      } catch (error) {
        console.warn('Accessible Reader: sync storage refused the settings; keeping them on this computer.', error);
        toLocal = { ...toLocal, ...plan.sync };
        removeLocal = removeLocal.filter((k) => !(k in plan.sync));
        removeSync = [...removeSync, ...Object.keys(plan.sync).filter((k) => !removeSync.includes(k))];
      }
    }
    if (Object.keys(toLocal).length) await local().set(toLocal);
    // Only now, with every new value safely written, do old copies go.
    if (s && removeSync.length) {
      budget.spend(1, now());
      await s.remove(removeSync).catch((e: unknown) => console.warn('Accessible Reader: could not remove old settings from sync.', e));
    }
    if (removeLocal.length) await local().remove(removeLocal);
    return Object.keys(toLocal).length ? 'local' : 'sync';
  }

  return {
    /** Applies actions, and resolves when the write that holds them is done. */
    enqueue(ops: WriteOp[]): Promise<WriteResult> {
      return new Promise<WriteResult>((resolve) => {
        queue = queue.then(async () => {
          try {
            await apply(ops);
          } catch (error) {
            console.warn('Accessible Reader: could not read the settings to change them.', error);
            resolve({ ok: false, where: 'none', localItems: 0 });
            return;
          }
          if (!waiters.length) firstAt = now();
          waiters.push({ resolve });
          schedule();
        });
      });
    },

    /** Brings stored data to the current version (install, update, start-up): writes first, removes after. */
    async migrate(): Promise<boolean> {
      const work = async () => {
        const [s, l] = await Promise.all([sync()?.get(null) ?? {}, local().get(null)]);
        const m = migrate({ ...s, ...l });
        if (!m) return false;
        // Version items go first (they hold no setting, and free sync's items for what follows).
        const meta = m.remove.filter((k) => k.endsWith('$'));
        await Promise.all([sync()?.remove(meta), local().remove(meta)]);
        const changes: Changes = new Map(Object.entries(m.set));
        for (const key of m.remove) if (!key.endsWith('$')) changes.set(key, null);
        const result = await write(changes);
        return result.ok;
      };
      const next = queue.then(work);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

export type Writer = ReturnType<typeof createWriter>;
