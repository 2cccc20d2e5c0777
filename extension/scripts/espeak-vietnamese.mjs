// The extension's built-in Vietnamese voice: eSpeak NG compiled to WebAssembly (@echogarden/espeak-ng-emscripten,
// GPL-3.0), with its 24 MB of data for every language cut down to what Vietnamese needs (about 0.7 MB).
//
// Emscripten's file packager lists the data files and their offsets inside espeak-ng.js; this writes a data
// file with only the Vietnamese ones and the same module with that shorter list. Run by the build (wxt.config.ts),
// into a cache folder that is never committed; `node extension/scripts/espeak-vietnamese.mjs` prints the sizes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const PACKAGE = dirname(require.resolve('@echogarden/espeak-ng-emscripten/package.json'));
const OUT = fileURLToPath(new URL('../../node_modules/.cache/accessible-reader/espeak-vi/', import.meta.url));

/** The data eSpeak reads to speak Vietnamese: phonemes, intonation, the Vietnamese rules and its voices. */
const KEEP = /\/espeak-ng-data\/(?:phontab|phonindex|phondata|intonations|vi_dict|lang\/aav\/vi(?:-VN-x-[a-z]+)?)$/;
const METADATA = /loadPackage\(\{files:(\[[^\]]*\]),remote_package_size:(\d+)\}\)/;

/** Writes espeak-ng.js, espeak-ng.data and COPYING into the cache; returns their paths and sizes. */
export function buildVietnameseVoice() {
  const js = readFileSync(join(PACKAGE, 'espeak-ng.js'), 'utf8');
  const data = readFileSync(join(PACKAGE, 'espeak-ng.data'));
  const match = METADATA.exec(js);
  if (!match) throw new Error('espeak-ng.js: the file packager metadata was not found (a new version of @echogarden/espeak-ng-emscripten?)');
  // The list is a JavaScript literal of plain objects: {filename:"…",start:n,end:n}.
  const files = [...match[1].matchAll(/\{filename:"([^"]+)",start:(\d+),end:(\d+)\}/g)].map((m) => ({ filename: m[1], start: +m[2], end: +m[3] }));
  const kept = files.filter((f) => KEEP.test(f.filename));
  if (kept.length < 6) throw new Error(`espeak-ng.js: expected the Vietnamese data files, found ${kept.map((f) => f.filename).join(', ')}`);
  const parts = [];
  let at = 0;
  const list = kept.map((f) => {
    parts.push(data.subarray(f.start, f.end));
    const entry = { filename: f.filename, start: at, end: at + f.end - f.start };
    at = entry.end;
    return entry;
  });
  const literal = `[${list.map((f) => `{filename:${JSON.stringify(f.filename)},start:${f.start},end:${f.end}}`).join(',')}]`;
  const trimmed = js.replace(METADATA, `loadPackage({files:${literal},remote_package_size:${at}})`);
  mkdirSync(OUT, { recursive: true });
  const out = { js: join(OUT, 'espeak-ng.js'), data: join(OUT, 'espeak-ng.data'), licence: join(OUT, 'COPYING') };
  writeFileSync(out.js, trimmed);
  writeFileSync(out.data, Buffer.concat(parts));
  writeFileSync(out.licence, readFileSync(join(PACKAGE, 'COPYING')));
  return { ...out, files: kept.map((f) => f.filename.replace(/.*espeak-ng-data\//, '')), sizes: { js: trimmed.length, data: at, originalData: data.length } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = buildVietnameseVoice();
  console.log(`eSpeak NG, Vietnamese only: ${r.files.join(', ')}`);
  console.log(`espeak-ng.js ${(r.sizes.js / 1024).toFixed(0)} KB, espeak-ng.data ${(r.sizes.data / 1024).toFixed(0)} KB (of ${(r.sizes.originalData / 1048576).toFixed(1)} MB)`);
}
