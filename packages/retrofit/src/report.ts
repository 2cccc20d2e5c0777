/**
 * The engine's console messages, which never throw: a page may have left `console` without `warn` or `error`
 * (old-IE guards set `window.console = { log() {} }`), and a report must not become an error on the page.
 */
export function report(level: 'warn' | 'error', ...args: unknown[]): void {
  try {
    globalThis.console[level](...args);
  } catch {
    // No console to tell: the page keeps working, which matters more.
  }
}
