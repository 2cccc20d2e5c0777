/**
 * Where each changed value can go, by `storage.sync`'s quotas, as pure functions (unit-tested in plain Node):
 * sync when it fits, the browser's local storage when it does not, so a save never fails for lack of room.
 * Values are written before anything is removed, so a failure half-way never loses a setting.
 */

/** `storage.sync`'s limits (Chrome's and Firefox's are the same); the browser's own constants win when it has them. */
export interface SyncLimits {
  quotaBytes: number;
  quotaBytesPerItem: number;
  maxItems: number;
}
export const SYNC_LIMITS: Readonly<SyncLimits> = Object.freeze({ quotaBytes: 102_400, quotaBytesPerItem: 8_192, maxItems: 512 });

/**
 * Room kept free in sync: the browser counts bytes its own way (a few bytes may differ from ours), and another
 * device may write at the same moment.
 */
const SPARE_BYTES = 512;

/** An item's size as the browsers count it: the key's length plus its value's JSON, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export interface WritePlan {
  /** Written to sync first. */
  sync: Record<string, unknown>;
  /** Written to local (values that do not fit in sync), together with the sync write. */
  local: Record<string, unknown>;
  /** Removed from sync only after both writes succeeded (moved to local, or removed). */
  removeSync: string[];
  /** Removed from local after both writes succeeded (now in sync, or removed). */
  removeLocal: string[];
}

/**
 * Plans the writing of `changes` (`null`: remove) given what sync holds now. The shared defaults are placed first,
 * then the rest in order. Removals free no room for the values written in the same plan: they happen after.
 */
export function planWrite(
  changes: ReadonlyMap<string, unknown>,
  sync: Readonly<Record<string, unknown>>,
  localKeys: ReadonlySet<string>,
  bytesInUse: number,
  limits: Readonly<SyncLimits> = SYNC_LIMITS,
  hasSync = true,
): WritePlan {
  const plan: WritePlan = { sync: {}, local: {}, removeSync: [], removeLocal: [] };
  let bytes = bytesInUse;
  let items = Object.keys(sync).length;
  const keys = [...changes.keys()].sort((a, b) => Number(b === 'defaults') - Number(a === 'defaults'));
  for (const key of keys) {
    const value = changes.get(key);
    const inSync = Object.prototype.hasOwnProperty.call(sync, key);
    if (value === null || value === undefined) {
      if (inSync) plan.removeSync.push(key);
      if (localKeys.has(key)) plan.removeLocal.push(key);
      continue;
    }
    const size = itemBytes(key, value);
    const grow = size - (inSync ? itemBytes(key, sync[key]) : 0);
    const fits = hasSync && size <= limits.quotaBytesPerItem && bytes + grow <= limits.quotaBytes - SPARE_BYTES && items + (inSync ? 0 : 1) <= limits.maxItems;
    if (fits) {
      plan.sync[key] = value;
      bytes += grow;
      if (!inSync) items += 1;
      if (localKeys.has(key)) plan.removeLocal.push(key);
    } else {
      plan.local[key] = value;
      // The stale copy in sync goes, once the new one is safely in local.
      if (inSync) plan.removeSync.push(key);
    }
  }
  return plan;
}

/**
 * Moves what local holds back into sync as far as sync has room (after sites were removed, or an import that
 * first had to wait for the old settings to go).
 */
export function planMoveToSync(
  local: Readonly<Record<string, unknown>>,
  sync: Readonly<Record<string, unknown>>,
  bytesInUse: number,
  limits: Readonly<SyncLimits> = SYNC_LIMITS,
): WritePlan {
  const plan = planWrite(new Map(Object.entries(local)), sync, new Set(Object.keys(local)), bytesInUse, limits);
  // What does not fit stays where it is: nothing to write for it.
  return { sync: plan.sync, local: {}, removeSync: [], removeLocal: plan.removeLocal };
}

/**
 * Sync write operations allowed (each set or remove call is one): a token bucket well inside the browser's 120 a
 * minute and 1800 an hour, so that no burst of presses, however long, ever meets the browser's own refusal.
 */
export class WriteBudget {
  private tokens: number;
  private last: number;

  /** `perHour` sustained, bursts of `burst`; `now` in milliseconds. */
  constructor(
    private readonly burst = 20,
    private readonly perHour = 1_500,
    now = 0,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perHour) / 3_600_000);
    this.last = now;
  }

  /** Milliseconds to wait before `ops` operations are allowed (0: now). */
  waitFor(ops: number, now: number): number {
    this.refill(now);
    return this.tokens >= ops ? 0 : Math.ceil(((ops - this.tokens) * 3_600_000) / this.perHour);
  }

  /** Records `ops` operations made at `now`. */
  spend(ops: number, now: number): void {
    this.refill(now);
    this.tokens -= ops;
  }
}
