// Injected into every benchmark page (a classic script): waiting for the page to settle, and the text contrast
// actually drawn, ported from tests/support/contrast.ts (drawnTextColor, drawnBackground, contrastRatio).
(() => {
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  /**
   * Resolves once style, layout and paint of what was just done have happened and the page has been quiet
   * (no DOM change) for `quiet` ms and the browser went idle: what an engine does asynchronously (Dark Reader's
   * stylesheet processing, our idle-time measurement) is inside the measured window too.
   */
  async function settle({ quiet = 300, max = 20000 } = {}) {
    const start = performance.now();
    // Observed only while settling, so the observer's own cost is the same small part of every engine's time.
    let lastMutation = start;
    const observer = new MutationObserver(() => (lastMutation = performance.now()));
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    void document.body?.getBoundingClientRect();
    await raf();
    await raf();
    for (;;) {
      await new Promise((r) => (window.requestIdleCallback ? requestIdleCallback(() => r(), { timeout: 2000 }) : setTimeout(r, 50)));
      const since = performance.now() - lastMutation;
      if (since >= quiet || performance.now() - start > max) break;
      await sleep(Math.min(quiet - since + 5, 200));
    }
    observer.disconnect();
    void document.body?.getBoundingClientRect();
    await raf();
    await raf();
    return performance.now() - start;
  }

  // ---- WCAG contrast of what is drawn (same rules as tests/support/contrast.ts) ----
  function parseColor(value) {
    if (value.trim() === 'transparent') return [0, 0, 0, 0];
    const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value.trim());
    if (!m) return null;
    const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
    return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
  }
  function over(top, bottom) {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  }
  function luminance([r, g, b]) {
    const lin = (c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }
  function contrastRatio(fg, bg) {
    const back = over(bg, [255, 255, 255, 1]);
    const front = over(fg, back);
    const [hi, lo] = [luminance(front), luminance(back)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }
  function renderedParent(el) {
    if (el.assignedSlot) return el.assignedSlot;
    if (el.parentElement) return el.parentElement;
    const root = el.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  }
  function coveringInsetShadow(el, shadow) {
    if (!shadow || shadow === 'none') return undefined;
    const box = el.getBoundingClientRect();
    const pattern = /(rgba?\([^)]*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s+(-?[\d.]+)px\s+inset/g;
    for (const m of shadow.matchAll(pattern)) {
      const [, color, x, y, blur, spread] = m;
      if (Number(x) === 0 && Number(y) === 0 && Number(blur) === 0 && Number(spread) * 2 >= Math.max(box.width, box.height)) return parseColor(color);
    }
    return undefined;
  }
  function drawnBackground(el) {
    const layers = [];
    for (let node = el; node; node = renderedParent(node)) {
      const style = getComputedStyle(node);
      const shadow = coveringInsetShadow(node, style.boxShadow);
      if (shadow) layers.push(shadow);
      layers.push(parseColor(style.backgroundColor) ?? [0, 0, 0, 0]);
      if (layers.some((layer) => layer[3] >= 1)) break;
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  }
  function drawnTextColor(el) {
    const style = getComputedStyle(el);
    return parseColor(style.webkitTextFillColor || style.color) ?? parseColor(style.color);
  }

  /** Elements that show text of their own (rendered, visible, not script/style), at most `cap`, evenly spread. */
  function textElements(cap) {
    const all = [];
    for (const el of document.body ? document.body.querySelectorAll('*') : []) {
      if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TITLE)$/.test(el.tagName)) continue;
      let own = false;
      for (let n = el.firstChild; n && !own; n = n.nextSibling) own = n.nodeType === 3 && /\S/.test(n.nodeValue);
      if (own) all.push(el);
    }
    const step = Math.max(1, all.length / cap);
    const out = [];
    for (let i = 0; i < all.length && out.length < cap; i += step) {
      const el = all[Math.floor(i)];
      if (!el.getClientRects().length || getComputedStyle(el).visibility !== 'visible') continue;
      out.push(el);
    }
    return { out, total: all.length };
  }

  /** Minimum, median and the share of text elements at or above 7:1 and 4.5:1, with the worst examples. */
  function textContrast(cap = 4000) {
    const { out, total } = textElements(cap);
    const ratios = [];
    const worst = [];
    for (const el of out) {
      const r = contrastRatio(drawnTextColor(el), drawnBackground(el));
      ratios.push(r);
      if (r < 7) worst.push([r, `<${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}> "${(el.textContent || '').trim().slice(0, 30)}"`]);
    }
    ratios.sort((a, b) => a - b);
    worst.sort((a, b) => a[0] - b[0]);
    const share = (t) => (ratios.length ? ratios.filter((r) => r >= t).length / ratios.length : 0);
    return {
      measured: ratios.length,
      textElements: total,
      min: ratios[0] ?? 0,
      median: ratios[Math.floor(ratios.length / 2)] ?? 0,
      at7: share(7),
      at45: share(4.5),
      worst: worst.slice(0, 3).map(([r, d]) => `${r.toFixed(2)} ${d}`),
    };
  }

  window.__bench = { settle, textContrast, raf, sleep };
})();
