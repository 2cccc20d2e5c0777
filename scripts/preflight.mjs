// What `npm test` needs from this computer, checked before anything is built: one line for each thing missing,
// saying how to get it. Browsers are required; the speech tools only under CI (elsewhere tests/speech is skipped).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the tests look when CHROMIUM_PATH / FIREFOX_PATH are not set (tests/support/chromium.ts, firefox.ts). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const DEFAULT_FIREFOX = '/usr/bin/firefox-esr';
export const SPEECH_TOOLS = ['pulseaudio', 'pactl', 'speech-dispatcher', 'espeak-ng'];
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};
const onPath = (tool, env) => (env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, tool)));

/** A browser at `env[variable]` or the default path, or the line that says how to get one. */
function browser(env, variable, fallback, what) {
  const path = env[variable] || fallback;
  if (isExecutable(path)) return null;
  const where = env[variable] ? `${variable}=${path} is not an executable file` : `no ${what.name} at ${fallback}`;
  return `npm test: ${where}. ${what.why} Install it (${what.install}) and, where it is not at ${fallback}, set ${variable} to it (${what.paths}).`;
}

/**
 * The problems that stop `npm test` (`errors`) and those it only reports (`warnings`), for this environment.
 * @param {NodeJS.ProcessEnv} env
 */
export function preflight(env = process.env, platform = process.platform) {
  const errors = [];
  const warnings = [];
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) errors.push(`npm test: Node ${process.versions.node} is too old: install Node 22 or newer (.nvmrc says 24; nvm install 24), then npm ci.`);
  if (!existsSync(join(ROOT, 'node_modules/vitest/package.json'))) errors.push('npm test: the dependencies are not installed: run npm ci first.');
  const chromium = browser(env, 'CHROMIUM_PATH', DEFAULT_CHROMIUM, {
    name: 'Chromium',
    why: 'The tests run in real Chromium (Google Chrome will not do: it no longer loads an unpacked extension from the command line).',
    install: 'Debian: sudo apt-get install chromium; Ubuntu: sudo snap install chromium; macOS: brew install --cask chromium; Windows: https://www.chromium.org/getting-involved/download-chromium/',
    paths: 'Ubuntu: /snap/bin/chromium; macOS: /Applications/Chromium.app/Contents/MacOS/Chromium; Windows: the chrome.exe you unpacked',
  });
  if (chromium) errors.push(chromium);
  const firefox = browser(env, 'FIREFOX_PATH', DEFAULT_FIREFOX, {
    name: 'Firefox',
    why: 'The Firefox add-on is tested in real Firefox, 140 or newer.',
    install: 'Debian: sudo apt-get install firefox-esr; Ubuntu: sudo snap install firefox; macOS: brew install --cask firefox; Windows: https://www.mozilla.org/firefox/',
    paths: 'Ubuntu: /snap/bin/firefox; macOS: /Applications/Firefox.app/Contents/MacOS/firefox; Windows: C:\\Program Files\\Mozilla Firefox\\firefox.exe',
  });
  if (firefox) errors.push(firefox);
  const missing = platform === 'linux' ? SPEECH_TOOLS.filter((tool) => !onPath(tool, env)) : SPEECH_TOOLS;
  if (missing.length > 0) {
    const how =
      platform === 'linux'
        ? 'sudo apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio pulseaudio-utils'
        : 'they run on Linux only (speech-dispatcher)';
    const line = `npm test: the real-voice tests (tests/speech) need ${missing.join(', ')}: ${how}.`;
    if (env.CI) errors.push(`${line} Under CI they are required.`);
    else warnings.push(`${line} Without them those tests are skipped.`);
  }
  return { errors, warnings };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { errors, warnings } = preflight();
  for (const line of warnings) console.warn(line);
  for (const line of errors) console.error(line);
  if (errors.length > 0) process.exit(1);
}
