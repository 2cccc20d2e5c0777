/** The built extensions (`npm run build:extension`): what they ask for and what they ship. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const OUT = fileURLToPath(new URL('../../.output/', import.meta.url));
const builds = ['chrome-mv3', 'firefox-mv2'] as const;
const read = (build: string, file: string) => readFileSync(join(OUT, build, file), 'utf8');
const manifest = (build: string) => JSON.parse(read(build, 'manifest.json')) as Record<string, unknown> & { permissions: string[] };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)).map((g) => `${f}/${g}`) : [f]));
}

describe.each(builds)('the %s build', (build) => {
  it('exists (run `npm run build:extension`)', () => {
    expect(existsSync(join(OUT, build, 'manifest.json'))).toBe(true);
  });

  it('asks for the minimum: storage, scripting, activeTab, *.gov.vn (Chrome: offscreen, for the built-in voice); any other site only as optional', () => {
    const m = manifest(build);
    const gov = ['*://*.gov.vn/*', '*://gov.vn/*'];
    if (build === 'chrome-mv3') {
      expect(m.permissions.sort()).toEqual(['activeTab', 'offscreen', 'scripting', 'storage']);
      expect(m.host_permissions).toEqual(gov);
      expect(m.optional_host_permissions).toEqual(['*://*/*']);
      // Chrome's default policy already lets extension pages run WebAssembly (the built-in voice).
      expect(m).not.toHaveProperty('content_security_policy');
    } else {
      expect(m.permissions.sort()).toEqual([...gov, 'activeTab', 'scripting', 'storage'].sort());
      expect(m.optional_permissions).toEqual(['*://*/*']);
      // Firefox's default policy plus WebAssembly for the built-in voice, nothing else.
      expect(m.content_security_policy).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");
    }
    expect(m).not.toHaveProperty('web_accessible_resources');
    expect(m).not.toHaveProperty('externally_connectable');
  });

  it('has a translated name, description and shortcuts, and its icons', () => {
    const m = manifest(build);
    const vi = JSON.parse(read(build, '_locales/vi/messages.json')) as Record<string, unknown>;
    const en = JSON.parse(read(build, '_locales/en/messages.json')) as Record<string, unknown>;
    expect(m.default_locale).toBe('vi');
    const keys = [...JSON.stringify(m).matchAll(/__MSG_(\w+)__/g)].map((x) => x[1]!);
    expect(keys).toEqual(expect.arrayContaining(['extName', 'extDescription', 'actionTitle', 'cmdIncrease']));
    for (const key of keys) {
      expect(vi, key).toHaveProperty(key);
      expect(en, key).toHaveProperty(key);
    }
    expect(Object.keys(m.commands as object).sort()).toEqual(['decrease-text', 'increase-text', 'reader-view', 'toggle-contrast', 'toggle-site']);
    expect(m.icons).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' });
    for (const size of [16, 32, 48, 128]) expect(readFileSync(join(OUT, build, `icon/${size}.png`)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('ships no remote code: every script is a file of its own, none loaded from the network', () => {
    const all = files(join(OUT, build));
    for (const html of all.filter((f) => f.endsWith('.html'))) {
      const text = read(build, html);
      expect(text, html).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
      expect(text, html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
    }
    for (const js of all.filter((f) => f.endsWith('.js'))) {
      const text = read(build, js);
      expect(text, js).not.toMatch(/\bimport\(\s*["'`]https?:/);
      expect(text, js).not.toMatch(/\bnew Function\(|\beval\(/);
    }
  });
});

describe('the Firefox build', () => {
  it('has its add-on id and declares that it collects no data', () => {
    expect(manifest('firefox-mv2').browser_specific_settings).toMatchObject({
      gecko: { id: expect.stringMatching(/@/), data_collection_permissions: { required: ['none'] } },
    });
    expect(manifest('chrome-mv3')).not.toHaveProperty('browser_specific_settings');
  });
});
