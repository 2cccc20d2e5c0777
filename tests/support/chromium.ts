/**
 * Where the tests find Chromium. Playwright's own browser download does not work on our machines, so the
 * tests always launch an installed Chromium: set CHROMIUM_PATH to use another one (macOS, Windows, Chrome).
 */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that keep headless Chromium quiet and offline on a closed-network machine. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
