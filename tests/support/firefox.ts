/**
 * Where the tests find Firefox, and how it is started for them. The Debian package `firefox-esr` gives
 * /usr/bin/firefox-esr (`.ci/run` installs it); set FIREFOX_PATH to use another Firefox (140 or newer: the
 * tests install the add-on as a temporary one, which any Firefox accepts unsigned). puppeteer-core drives it
 * over WebDriver BiDi and downloads nothing.
 */
export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/**
 * Preferences for a quiet, offline, headless Firefox on a test machine. `network.dns.forceResolve` sends
 * every host name to the loopback server of the sample pages, so `*.gov.vn` matching is real.
 */
export const firefoxPrefs: Record<string, string | number | boolean> = {
  'network.dns.forceResolve': '127.0.0.1',
  'network.proxy.allow_hijacking_localhost': true,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
};

/**
 * `--remote-allow-system-access` lets WebDriver navigate to the extension's own `moz-extension://` pages
 * (popup, options), which it refuses otherwise; the tests use it for nothing else.
 */
export const firefoxArgs = ['--remote-allow-system-access'];
