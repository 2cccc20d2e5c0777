import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const pkg = new URL('../../packages/components/', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('size-budgets.json', pkg), 'utf8')) as { cdnBundle: number; componentOwnCode: number };

describe('size budgets (gzip)', () => {
  it(`the components CDN bundle, Lit included, stays within ${budgets.cdnBundle} bytes`, () => {
    const gzip = gzipSync(readFileSync(new URL('dist/cdn/accessible-reader.js', pkg))).length;
    console.log(`components CDN bundle: ${gzip} bytes gzip (budget ${budgets.cdnBundle})`);
    expect(gzip).toBeLessThanOrEqual(budgets.cdnBundle);
  });
});
