// The benchmarks' way into the extension's content-script world of a tab (CDP), where the reader's closed
// shadow roots can be read: the counterpart of tests/extension/harness.ts `inContentScript` for plain Node.

/**
 * `expression`'s value in the extension's isolated world of `page`; undefined while the content scripts have
 * not run there yet.
 */
export async function inContentScript(context, page, expression) {
  const cdp = await context.newCDPSession(page);
  try {
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
    if (!world) return undefined;
    const r = await cdp.send('Runtime.evaluate', { contextId: world.id, returnByValue: true, expression });
    return r.result.value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Where a control of the reader's toolbar is on the screen (its centre), by the start of its text; null if not shown. */
export const toolbarControl = (context, page, text) =>
  inContentScript(
    context,
    page,
    `(() => {
      const host = document.querySelector('[data-ar-toolbar]');
      const root = host && chrome.dom.openOrClosedShadowRoot(host);
      const el = root && [...root.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(${JSON.stringify(text)}) && b.getClientRects().length);
      if (!el) return null;
      const b = el.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    })()`,
  ).then((box) => box ?? null);
