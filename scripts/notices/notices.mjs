// Writes THIRD_PARTY_NOTICES.txt: the licence of every npm package whose code a build put into what we ship.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Licence texts for packages that publish none (each file says where it comes from). */
const TEXTS = fileURLToPath(new URL('./texts/', import.meta.url));
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.-][\w.-]*)?$/i;

/** The licence id of a package.json (`license`, or the old `license: { type }` and `licenses: [...]` forms). */
function licenceOf(json) {
  if (typeof json.license === 'string') return json.license;
  if (json.license?.type) return json.license.type;
  if (Array.isArray(json.licenses)) return json.licenses.map((l) => l.type ?? l).join(' OR ');
  return '';
}

function sourceOf(json) {
  const repo = typeof json.repository === 'string' ? json.repository : json.repository?.url;
  return (repo ?? json.homepage ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
}

/**
 * A package's licence texts: its own LICENSE / COPYING / NOTICE files, else the copy kept in
 * scripts/notices/texts/<name>.txt (scoped names with `__` for `/`), else null.
 */
export function licenceTexts(dir, name) {
  const own = readdirSync(dir).filter((f) => LICENCE_FILE.test(f)).sort((a, b) => Number(/^notice/i.test(a)) - Number(/^notice/i.test(b)));
  if (own.length > 0) return own.map((f) => readFileSync(join(dir, f), 'utf8').trim());
  const kept = join(TEXTS, `${name.replace('/', '__')}.txt`);
  return existsSync(kept) ? [readFileSync(kept, 'utf8').trim()] : null;
}

/**
 * The notices text for `product`. `outputs` maps each shipped file (named as in the package, e.g.
 * `dist/index.js`) to the package folders bundled into it; `extra` adds packages shipped as files rather than
 * bundled code (`{ dir, in: 'espeak/', about: 'what it is' }`). Throws, failing the build, when a package has
 * no licence id or no licence text, or when its licence matches `forbid` (the npm packages carry no GPL code).
 *
 * @param {{ product: string, outputs: Map<string, Set<string>>, extra?: { dir: string, in: string, about?: string }[], forbid?: RegExp }} options
 */
export function thirdPartyNotices({ product, outputs, extra = [], forbid }) {
  /** @type {Map<string, Set<string>>} package folder -> the shipped files that carry it */
  const where = new Map();
  const add = (dir, file) => where.set(dir, (where.get(dir) ?? new Set()).add(file));
  for (const [file, dirs] of outputs) for (const dir of dirs) add(dir, file);
  for (const item of extra) add(item.dir, item.in);
  const about = new Map(extra.filter((item) => item.about).map((item) => [item.dir, item.about]));

  const entries = [...where].map(([dir, files]) => {
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licence = licenceOf(json);
    const id = `${json.name} ${json.version}`;
    const shipped = [...files].sort().join(', ');
    if (!licence) throw new Error(`${product}: ${id} (in ${shipped}) declares no licence. Check its terms before shipping it.`);
    if (forbid?.test(licence)) throw new Error(`${product}: ${id} is ${licence}, which ${product} must not carry (in ${shipped}).`);
    const texts = licenceTexts(dir, json.name);
    if (!texts) {
      throw new Error(
        `${product}: ${id} (${licence}, in ${shipped}) ships no licence text. Copy its licence from ${sourceOf(json) || 'its repository'} ` +
          `into scripts/notices/texts/${json.name.replace('/', '__')}.txt, with a first line saying where it came from.`,
      );
    }
    return { name: json.name, version: json.version, licence, source: sourceOf(json), shipped, about: about.get(dir), text: texts.join('\n\n') };
  });
  entries.sort((a, b) => a.name.localeCompare(b.name));

  const title = `Third-party software in ${product}`;
  const lines = [
    title,
    '='.repeat(title.length),
    '',
    'It includes the open-source packages below, each under its own licence. This list is made at each build',
    'from what the build put into each file (scripts/notices in the Accessible Reader repository).',
    '',
  ];
  if (entries.length === 0) lines.push('None: every file is Accessible Reader\'s own code.');
  for (const e of entries) {
    lines.push(`- ${e.name} ${e.version} (${e.licence})${e.source ? ` ${e.source}` : ''}`);
    if (e.about) lines.push(`  ${e.about}`);
    lines.push(`  in ${e.shipped}`);
  }
  // Packages of one project often publish the same text: print it once, under every name it covers.
  const byText = new Map();
  for (const e of entries) byText.set(e.text, [...(byText.get(e.text) ?? []), e]);
  for (const [text, group] of byText) {
    lines.push('', '-'.repeat(100), group.map((e) => `${e.name} ${e.version}`).join(', '), '', text);
  }
  return lines.join('\n') + '\n';
}
