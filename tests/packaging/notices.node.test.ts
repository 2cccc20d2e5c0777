/**
 * Licences: the MIT LICENSE at the root and in each npm package, and THIRD_PARTY_NOTICES.txt in everything we
 * ship, made by the builds (scripts/notices) from what each build bundled. Needs `npm run build`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { packageDirOf, thirdPartyNotices } from '../../scripts/notices/index.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const json = (path: string) => JSON.parse(read(path)) as { license?: string; private?: boolean };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)).map((g) => `${f}/${g}`) : [f]));
}

/** What we ship, where its notices are, and the prefix its notices give the files (as named in the package). */
const SHIPPED = [
  { name: '@accessible-reader/components', dir: 'packages/components/', prefix: '', npm: true },
  { name: '@accessible-reader/retrofit', dir: 'packages/retrofit/', prefix: '', npm: true },
  { name: 'the Chrome extension', dir: '.output/chrome-mv3/', prefix: '', npm: false },
  { name: 'the Firefox extension', dir: '.output/firefox-mv2/', prefix: '', npm: false },
];
const noticesOf = (item: (typeof SHIPPED)[number]) => join(ROOT, item.dir, item.npm ? 'dist/' : '', 'THIRD_PARTY_NOTICES.txt');

/**
 * Code that, when found in a shipped file, proves a package was bundled into it: strings its minified code keeps
 * (Lit's version registries, Readability's own error, the polyfill's element state, the number reader's error).
 */
const MARKERS: [string, string][] = [
  ['lit-html', 'litHtmlVersions'],
  ['lit-element', 'litElementVersions'],
  ['@lit/reactive-element', 'reactiveElementVersions'],
  ['@mozilla/readability', 'First argument to Readability constructor'],
  ['@webcomponents/custom-elements', '__CE_state'],
  ['read-vietnamese-number', 'Invalid integral part'],
];

describe('licence', () => {
  it('the repository and each npm package carry the same MIT LICENSE, and say MIT in package.json', () => {
    const licence = read('LICENSE');
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} The Accessible Reader authors\n/);
    for (const dir of ['packages/components/', 'packages/retrofit/']) {
      expect(read(`${dir}LICENSE`)).toBe(licence);
      expect(json(`${dir}package.json`).license).toBe('MIT');
    }
    expect(json('package.json').license).toBe('MIT');
  });

  it('the extension says GPL-3.0-or-later and why, in its LICENSE.txt, its README and the root README', () => {
    const text = read('extension/public/LICENSE.txt');
    expect(text).toContain('GPL-3.0-or-later');
    expect(text).toContain('espeak/COPYING');
    expect(text).toContain('THIRD_PARTY_NOTICES.txt');
    for (const readme of ['README.md', 'extension/README.md']) {
      const licenceSection = read(readme).split(/^## Licen[cs]e$/m)[1] ?? '';
      expect(licenceSection, readme).toMatch(/GPL-3\.0-or-later/);
      expect(licenceSection, readme).toMatch(/eSpeak NG/);
      expect(licenceSection, readme).toMatch(/MIT/);
    }
  });
});

describe.each(SHIPPED)('THIRD_PARTY_NOTICES.txt in $name', (item) => {
  const shipped = () => files(join(ROOT, item.dir, item.npm ? 'dist' : '')).filter((f) => f.endsWith('.js'));
  const base = item.npm ? 'dist/' : '';

  it('exists (made by `npm run build`)', () => {
    expect(existsSync(noticesOf(item))).toBe(true);
  });

  it('names every package whose code a shipped file carries, with that file, and a licence text', () => {
    const notices = readFileSync(noticesOf(item), 'utf8');
    const found: string[] = [];
    for (const file of shipped()) {
      const code = readFileSync(join(ROOT, item.dir, base, file), 'utf8');
      for (const [pkg, marker] of MARKERS) {
        if (!code.includes(marker)) continue;
        found.push(pkg);
        const entry = notices.split('\n').findIndex((line) => line.startsWith(`- ${pkg} `));
        expect(entry, `${pkg} is in ${file} but not in the notices`).toBeGreaterThan(-1);
        expect(notices.split('\n').slice(entry + 1, entry + 3).join('\n'), `${pkg} in ${file}`).toContain(`${base}${file}`);
      }
    }
    // Lit is in every one of them (the CDN file, the one-file engine, the content script).
    expect(found).toContain('lit-html');
    // Every package listed has its licence text below the list.
    const listed = [...notices.matchAll(/^- (\S+) (\S+) \(/gm)].map((m) => `${m[1]} ${m[2]}`);
    for (const id of listed) expect(notices.split(/^-{100}$/m).some((block) => block.split('\n')[1]?.split(', ').includes(id)), id).toBe(true);
  });

  it('lists only files that exist', () => {
    const notices = readFileSync(noticesOf(item), 'utf8');
    for (const [, list] of notices.matchAll(/^ {2}in (.+)$/gm)) {
      for (const file of list.split(', ')) expect(existsSync(join(ROOT, item.dir, file)), `${item.dir}${file}`).toBe(true);
    }
  });

  if (item.npm) {
    it('carries no GPL code: eSpeak NG stays in the extension', () => {
      const notices = readFileSync(noticesOf(item), 'utf8');
      expect(notices).not.toMatch(/GPL|espeak/i);
      // eSpeak NG's own code and data (the engine only knows the names of eSpeak voices a computer may have).
      for (const file of shipped()) expect(readFileSync(join(ROOT, item.dir, base, file), 'utf8')).not.toMatch(/espeak_[A-Z]|espeak-ng-data/);
    });
  } else {
    it('names eSpeak NG (GPL) for the espeak/ folder, and Readability and the polyfill it bundles', () => {
      const notices = readFileSync(noticesOf(item), 'utf8');
      expect(existsSync(join(ROOT, item.dir, 'espeak/espeak-ng.data'))).toBe(true);
      expect(notices).toMatch(/^- @echogarden\/espeak-ng-emscripten \S+ \(GPL-3\.0[^)]*\).*\n {2}eSpeak NG.*\n {2}in espeak\/$/m);
      expect(notices).toContain('GNU GENERAL PUBLIC LICENSE');
      expect(notices).toMatch(/^- @mozilla\/readability \S+ \(Apache-2\.0\)/m);
      expect(notices).toContain('Apache License');
    });
  }
});

describe('the notices script', () => {
  const temp = mkdtempSync(join(tmpdir(), 'arx-notices-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  /** A package in a throw-away node_modules: its package.json and the files given. */
  const fakePackage = (name: string, manifest: object, extra: Record<string, string> = {}) => {
    const dir = join(temp, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...manifest }));
    for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
    return dir;
  };

  it('tells the package of a bundled module, scoped or not, nested copies apart, and our own code from theirs', () => {
    expect(packageDirOf('/r/node_modules/lit-html/lit-html.js')).toBe('/r/node_modules/lit-html');
    expect(packageDirOf('/r/node_modules/@lit/reactive-element/css-tag.js?inline')).toBe('/r/node_modules/@lit/reactive-element');
    expect(packageDirOf('/r/node_modules/a/node_modules/@s/b/x.js')).toBe('/r/node_modules/a/node_modules/@s/b');
    expect(packageDirOf('/r/packages/components/src/index.ts')).toBeNull();
    expect(packageDirOf('\0vite/preload-helper.js')).toBeNull();
  });

  it('fails the build when a bundled package ships no licence text, saying where to put one', () => {
    const dir = fakePackage('no-text', { license: 'MIT' });
    expect(() => thirdPartyNotices({ product: 'P', outputs: new Map([['a.js', new Set([dir])]]) })).toThrow(
      /no-text 1\.0\.0 \(MIT, in a\.js\) ships no licence text.*scripts\/notices\/texts\/no-text\.txt/,
    );
  });

  it('fails the build when a bundled package declares no licence, or one the product must not carry', () => {
    const none = fakePackage('no-licence', {}, { LICENSE: 'All rights reserved' });
    expect(() => thirdPartyNotices({ product: 'P', outputs: new Map([['a.js', new Set([none])]]) })).toThrow(/declares no licence/);
    const gpl = fakePackage('copyleft', { license: 'GPL-3.0' }, { COPYING: 'GNU GENERAL PUBLIC LICENSE' });
    expect(() => thirdPartyNotices({ product: 'P', outputs: new Map([['a.js', new Set([gpl])]]), forbid: /GPL/ })).toThrow(/copyleft 1\.0\.0 is GPL-3\.0, which P must not carry/);
  });

  it('prints a shared licence text once, under every package it covers, with NOTICE files after the licence', () => {
    const a = fakePackage('@x/a', { license: 'BSD-3-Clause' }, { LICENSE: 'Same text' });
    const b = fakePackage('@x/b', { license: 'BSD-3-Clause' }, { 'LICENSE.md': 'Same text' });
    const c = fakePackage('c', { license: 'Apache-2.0' }, { NOTICE: 'Notice of c', 'LICENSE.txt': 'Licence of c' });
    const text = thirdPartyNotices({ product: 'P', outputs: new Map([['a.js', new Set([a, b])], ['c.js', new Set([c])]]) });
    expect(text.match(/Same text/g)).toHaveLength(1);
    expect(text).toContain('@x/a 1.0.0, @x/b 1.0.0\n\nSame text');
    expect(text.indexOf('Licence of c')).toBeLessThan(text.indexOf('Notice of c'));
  });
});
