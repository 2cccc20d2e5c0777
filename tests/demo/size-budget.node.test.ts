import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const pkg = new URL('../../packages/components/', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('size-budgets.json', pkg), 'utf8')) as { cdnBundle: number; componentOwnCode: number };
const ENGINE_BUNDLE = new URL('../../packages/retrofit/dist/accessible-reader-retrofit.js', import.meta.url);
/** The one-tag engine (engine + Lit + the four components): issue 4's budget, as its build script measures it. */
const ENGINE_BUDGET = 40 * 1024;

describe('size budgets (gzip)', () => {
  it(`the components CDN bundle, Lit included, stays within ${budgets.cdnBundle} bytes`, () => {
    const gzip = gzipSync(readFileSync(new URL('dist/cdn/accessible-reader.js', pkg))).length;
    console.log(`components CDN bundle: ${gzip} bytes gzip (budget ${budgets.cdnBundle})`);
    expect(gzip).toBeLessThanOrEqual(budgets.cdnBundle);
  });

  it(`the engine bundle (accessible-reader-retrofit.js, Lit and the components included) stays within ${ENGINE_BUDGET} bytes`, () => {
    const gzip = gzipSync(readFileSync(ENGINE_BUNDLE), { level: 9 }).length;
    console.log(`engine bundle: ${gzip} bytes gzip -9 (budget ${ENGINE_BUDGET})`);
    expect(gzip).toBeLessThanOrEqual(ENGINE_BUDGET);
  });
});
