import type { Context, Transform } from '../context.js';
import { OWN, createIn, createTextIn } from '../dom.js';
import type { Contrast, Settings } from '../types.js';
import { withReaderFeatures } from '../features.js';
import { shadowStyle } from '../styles.js';
import { componentsReady } from './components.js';
import { toolbarStrings } from './toolbar.strings.js';

const CONTRASTS: readonly Contrast[] = ['off', 'high', 'dark', 'yellow'];

const CSS = `
:host{display:block}
section{display:flex;flex-wrap:wrap;align-items:center;gap:.5em 1em;padding:.5em .75em;margin:0;
  font-family:"Noto Sans","Segoe UI",Roboto,Arial,"Helvetica Neue",sans-serif;font-size:1em;line-height:1.4;
  letter-spacing:normal;word-spacing:normal;text-align:start;
  color:var(--ar-c-fg,#000);background:var(--ar-c-bg,#fff);border:2px solid currentColor;border-radius:.375em}
.size{display:flex;align-items:center;gap:.5em}
.pct{font-weight:700;min-width:3.5em}
fieldset{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .5em;margin:0;padding:.25em .5em;border:1px solid currentColor;border-radius:.375em}
legend{padding:0 .25em;font-weight:700}
label{display:inline-flex;align-items:center;gap:.35em;min-height:44px;padding:0 .4em;cursor:pointer}
input{appearance:none;font:inherit;width:1.1em;height:1.1em;margin:0;border:2px solid currentColor;border-radius:50%;display:inline-grid;place-content:center;background:transparent;color:inherit}
input:checked::before{content:"";width:.55em;height:.55em;border-radius:50%;background:currentColor}
button{font:inherit;min-width:44px;min-height:44px;padding:.25em .75em;cursor:pointer;border:2px solid currentColor;border-radius:.375em;
  color:var(--ar-c-fg,#000);background:var(--ar-c-bg,#fff)}
button[aria-pressed=true]{color:var(--ar-c-bg,#fff);background:var(--ar-c-fg,#000)}
button[aria-pressed]::before{content:"☐ ";}
button[aria-pressed=true]::before{content:"☑ ";}
:focus-visible{outline:3px solid var(--ar-c-focus,#1d4ed8);outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
@media (forced-colors:active){input{appearance:auto}section,button,fieldset{border-color:CanvasText}button[aria-pressed=true]{background:Highlight;color:HighlightText}}
`;

/**
 * The reader toolbar: text size (the font-size component, bound to `fontScale`), colours (a native radio
 * group), spacing and clutter (toggle buttons with `aria-pressed`). It lives in a shadow root, so the page's
 * CSS cannot break it, above the article where the site's own tools were, and drives `session.update()`.
 */
export function toolbar(): Transform {
  let host: HTMLElement | undefined;
  let sync: ((s: Readonly<Settings>) => void) | undefined;

  function build(ctx: Context): void {
    const { doc, lang } = ctx;
    const t = toolbarStrings[lang];
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = ''): HTMLElementTagNameMap[K] => {
      const el = createIn(doc, tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      if (text) el.textContent = text;
      return el;
    };
    const safely = (fn: () => void) => () => {
      try {
        fn();
      } catch (error) {
        ctx.fail(error);
      }
    };
    host = make('div', { [OWN]: '', 'data-ar-toolbar': '', lang });
    const shadow = host.attachShadow({ mode: 'open' });
    const section = make('section', { 'aria-label': t.region });

    // Text size. The component resizes its `target`: a node of ours that is never shown, because the engine,
    // not the component, scales the page.
    const size = make('div', { class: 'size' });
    const pct = make('span', { class: 'pct', 'aria-hidden': 'true' });
    const sink = make('span', { 'data-ar-sink': '' });
    host.append(sink);
    let setSize: (percent: number) => void;
    if (componentsReady(ctx)) {
      const control = createIn(doc, `${ctx.prefix}-font-size`) as HTMLElement & { value: number };
      for (const [k, v] of Object.entries({ min: '100', max: '300', step: '25', target: '[data-ar-toolbar] > [data-ar-sink]', lang })) control.setAttribute(k, v);
      control.addEventListener('change', safely(() => ctx.update({ fontScale: control.value / 100 })));
      size.append(control);
      setSize = (p) => (control.value = p);
    } else {
      // The components cannot run in this document (another window's engine): same three native buttons.
      const group = make('div', { role: 'group', 'aria-label': t.size });
      const button = (label: string, hidden: string, to: () => number) => {
        const b = make('button', { type: 'button' }, label);
        b.append(make('span', { class: 'vh' }, ` ${hidden}`));
        b.addEventListener('click', safely(() => ctx.update({ fontScale: to() })));
        group.append(b);
      };
      let current = 1;
      button('A-', t.smaller, () => Math.max(1, current - 0.25));
      button('A', t.reset, () => 1);
      button('A+', t.larger, () => Math.min(3, current + 0.25));
      size.append(group);
      setSize = (p) => (current = p / 100);
    }
    size.append(pct);

    // Colours: one native radio group.
    const fieldset = make('fieldset');
    fieldset.append(make('legend', {}, t.contrast));
    const radios = CONTRASTS.map((mode) => {
      const label = make('label');
      const input = make('input', { type: 'radio', name: 'contrast', value: mode });
      input.addEventListener('change', safely(() => input.checked && ctx.update({ contrast: mode })));
      label.append(input, createTextIn(doc, t[mode]));
      fieldset.append(label);
      return input;
    });

    const toggle = (text: string, flip: () => Partial<Settings>) => {
      const b = make('button', { type: 'button', 'aria-pressed': 'false' }, text);
      b.addEventListener('click', safely(() => ctx.update(flip())));
      return b;
    };
    let latest: Readonly<Settings> | undefined;
    const spacingButton = toggle(t.spacing, () => ({ spacing: latest?.spacing === 'wcag' ? 'off' : 'wcag' }));
    const clutterButton = toggle(t.clutter, () => ({ hideClutter: !latest?.hideClutter }));
    // The article alone (reader view), and read aloud on the page; both start from the page as it is now.
    const action = (text: string, run: (b: HTMLButtonElement) => void) => {
      const b = make('button', { type: 'button' }, text);
      b.addEventListener('click', safely(() => run(b)));
      return b;
    };
    const readerButton = action(t.reader, (b) => withReaderFeatures((f) => f.openReader(doc, { tagPrefix: ctx.prefix, lang, invoker: b, settings: { ...latest } })));
    const readButton = action(t.readAloud, (b) => withReaderFeatures((f) => f.readAloud(doc, { lang, invoker: b })?.root.querySelector('button')?.focus()));
    section.append(size, fieldset, spacingButton, clutterButton, readerButton, readButton);
    shadowStyle(shadow, CSS);
    shadow.append(section);

    sync = (s) => {
      latest = s;
      const percent = Math.round(s.fontScale * 100);
      setSize(percent);
      pct.textContent = `${percent}%`;
      for (const r of radios) r.checked = r.value === s.contrast;
      spacingButton.setAttribute('aria-pressed', String(s.spacing === 'wcag'));
      clutterButton.setAttribute('aria-pressed', String(s.hideClutter));
    };
  }

  return {
    apply(ctx, settings) {
      if (!settings.toolbar) {
        host?.remove();
        return;
      }
      if (!host) {
        build(ctx);
        // A font that stays readable whatever the page or the scale, within reason.
        ctx.addStyle(
          '@layer ar-ui{[data-ar-toolbar]{display:block!important;float:none!important;clear:both!important;position:static!important;' +
            'width:auto!important;max-width:100%!important;height:auto!important;margin:0 0 1em!important;padding:0!important;' +
            'font-size:18px!important;line-height:1.4!important;letter-spacing:normal!important;word-spacing:normal!important}' +
            '[data-ar-toolbar] > [data-ar-sink]{display:none!important}}',
        );
      }
      if (!host!.isConnected) ctx.quietly(() => ctx.article.root.before(host!));
      sync!(settings);
    },
    remove() {
      host?.remove();
      host = sync = undefined;
    },
  };
}
