/**
 * Renders markup into a fresh container on the test page and waits for the custom elements inside it to
 * finish rendering. Each test gets a clean document body.
 */
export async function fixture<T extends Element>(markup: string, lang = 'vi'): Promise<T> {
  document.body.replaceChildren();
  document.documentElement.lang = lang;
  // A realistic page around the component, so page-level axe rules (main landmark, h1, region) apply as on a site.
  const main = document.createElement('main');
  const heading = document.createElement('h1');
  heading.textContent = lang.startsWith('vi') ? 'Trang thử nghiệm' : 'Test page';
  const host = document.createElement('div');
  host.innerHTML = markup;
  main.append(heading, host);
  document.body.append(main);
  const el = host.firstElementChild as T;
  await settle(el);
  return el;
}

/** Waits for a Lit element's pending update (and a frame, for live-region text set in rAF). */
export async function settle(el: Element): Promise<void> {
  const lit = el as Element & { updateComplete?: Promise<unknown> };
  if (lit.updateComplete) await lit.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  if (lit.updateComplete) await lit.updateComplete;
}
