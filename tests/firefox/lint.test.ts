/**
 * The Firefox build as addons.mozilla.org's validator sees it: `web-ext lint` (addons-linter) on
 * .output/firefox-mv2 finds nothing at all, and the manifest carries the add-on's own id and its data
 * collection declaration.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXT_DIR } from './harness';

const WEB_EXT = fileURLToPath(new URL('../../node_modules/web-ext/bin/web-ext.js', import.meta.url));

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: { code: string; file?: string; message: string }[];
  warnings: { code: string; file?: string; message: string }[];
  notices: { code: string; file?: string; message: string }[];
}

describe('the Firefox build for addons.mozilla.org', { timeout: 120_000 }, () => {
  it('web-ext lint: 0 errors, 0 warnings, 0 notices', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [WEB_EXT, 'lint', '--source-dir', EXT_DIR, '--output', 'json', '--no-input'], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(stdout) as LintReport;
    const all = [...report.errors, ...report.warnings, ...report.notices].map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    expect(all).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
  });

  it('has the add-on’s own id and declares that it collects no data', () => {
    const manifest = JSON.parse(readFileSync(join(EXT_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: Record<string, unknown> } };
    expect(manifest.browser_specific_settings.gecko).toMatchObject({
      id: 'accessible-reader@accessible-reader.github.io',
      data_collection_permissions: { required: ['none'] },
    });
  });
});
