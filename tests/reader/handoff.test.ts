// How the engine and the reader script, loaded later, find each other: the script is loaded once, never twice.
import { beforeEach, describe, expect, it } from 'vitest';
import { awaitReader, handOver, READER_KEY, type ReaderChunk } from '../../packages/retrofit/src/chunk/handoff';

const chunk = { extract: () => ({ article: null }) } as unknown as ReaderChunk;
const slot = globalThis as unknown as Record<symbol, unknown>;

describe('reader script hand-over', () => {
  beforeEach(() => {
    delete slot[READER_KEY];
  });

  it('loads the script on the first call only: later calls get the same features at once', async () => {
    let loads = 0;
    const start = () => {
      loads++;
      setTimeout(() => handOver(chunk), 10);
    };
    expect(await awaitReader(start)).toBe(chunk);
    expect(await awaitReader(start)).toBe(chunk);
    expect(await awaitReader(start)).toBe(chunk);
    expect(loads).toBe(1);
  });

  it('a script that arrives before anyone asks is used without loading it', async () => {
    handOver(chunk);
    let loads = 0;
    expect(await awaitReader(() => loads++)).toBe(chunk);
    expect(loads).toBe(0);
  });

  it('a load that fails rejects with its error', async () => {
    await expect(
      awaitReader(() => {
        throw new Error('blocked by CSP');
      }),
    ).rejects.toThrow('blocked by CSP');
  });
});
