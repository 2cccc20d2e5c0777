/**
 * localStorage that never throws: storage can be disabled (privacy modes, sandboxed iframes), full, or hold
 * anything another script wrote there. Corrupt values read as `undefined` and the caller keeps its default.
 */
export function readStored(key: string): unknown {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Whether anything at all is stored under `key`, so that an unreadable value can be reported. */
export function hasStored(key: string): boolean {
  try {
    return window.localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage unavailable or full: the setting still applies for this page view.
  }
}
