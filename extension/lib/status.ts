/**
 * The popup's and options page's way to tell the reader what happened: a message in the page's polite status
 * region (`role="status"`). Emptied first, then filled a moment later, so the same message twice is announced twice.
 */
export function statusAnnouncer(region: HTMLElement): (message: string, kind?: 'ok' | 'error') => void {
  return (message, kind = 'ok') => {
    region.textContent = '';
    region.className = `status ${kind}`;
    setTimeout(() => (region.textContent = message), 50);
  };
}
