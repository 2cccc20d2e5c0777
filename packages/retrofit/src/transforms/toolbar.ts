import type { Context, Transform } from '../context.js';
import { OWN, bodyOf, createIn, rootOf } from '../dom.js';
import { shadowStyle } from '../styles.js';
import { withReaderFeatures } from '../features.js';
import type { Contrast, Settings } from '../types.js';
import { checkbox, choiceGroup, disclosures, nextScale, sizeGroup, type SizePress } from '../ui/bar.js';
import { icon, type IconName } from '../ui/icons.js';
import { TOOLBAR_CSS } from './toolbar.styles.js';
import { toolbarStrings } from './toolbar.strings.js';

const CONTRASTS: readonly Contrast[] = ['off', 'high', 'dark', 'yellow'];
/** A toolbar this wide holds its one row. */
const WIDE = 900;

/**
 * The reader toolbar, one compact row above the article: its name (which also folds it away), text size
 * (A- / A / A+ and the size now), colours, more (spacing, side content; and, in the extension, "only this
 * site" and turning it off here), reader view and read-aloud. Native buttons, radios and checkboxes in a
 * shadow root, so that the page's CSS cannot break it; the names and their order are the project's vocabulary.
 *
 * The pressed control stays under the hand: after a size change the page is scrolled by however much the
 * text above moved it, so ten presses on one spot reach the largest size. Its own size is fixed. In the
 * extension (`guardUi`), its shadow root is closed and only the reader's own input (trusted events) acts.
 */
export function toolbar(): Transform {
  let host: HTMLElement | undefined;
  let sync: ((s: Readonly<Settings>) => void) | undefined;
  let firstApply = true;
  /** Where the toolbar goes, decided in `prepare`. */
  let place: Element | undefined;

  function build(ctx: Context): void {
    const { doc, lang, win } = ctx;
    const t = toolbarStrings[lang];
    const guarded = !!ctx.ui?.guard;
    const actions = ctx.ui?.toolbar;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: Array<Node | string>): HTMLElementTagNameMap[K] => {
      const el = createIn(doc, tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      el.append(...kids);
      return el;
    };
    /** A listener that acts on the reader's own input only (in the extension), and rolls back on errors. */
    const on = <E extends Event>(el: EventTarget, type: string, fn: (e: E) => void) =>
      el.addEventListener(type, (e) => {
        if (guarded && !e.isTrusted) return;
        try {
          fn(e as E);
        } catch (error) {
          ctx.fail(error);
        }
      });
    const iconText = (name: IconName, text: string) => [icon(doc, name), make('span', {}, text)];

    host = make('div', { [OWN]: '', 'data-ar-toolbar': '', lang });
    const shadow = host.attachShadow({ mode: guarded ? 'closed' : 'open' });
    const status = make('span', { class: 'vh', role: 'status' });

    // The name, which also folds the tools away (disclosure).
    const name = make('button', { type: 'button', class: 'name', 'aria-expanded': 'true', 'aria-controls': 'tools' }, icon(doc, 'collapse'), make('span', {}, t.region));
    const tools = make('div', { class: 'tools', id: 'tools' });

    // Text size: three native buttons, so the toolbar needs no custom element (and acts on trusted clicks).
    const size = sizeGroup(doc, t);
    const { smaller, reset, larger } = size.buttons;

    // Panels open under the row, one at a time.
    const panels = disclosures(doc, on);

    // Colours: one native radio group.
    const colours = choiceGroup(doc, on, {
      legend: t.contrast,
      name: 'contrast',
      values: CONTRASTS,
      label: (mode) => t[mode],
      swatch: (mode) => `s-${mode}`,
      pick: (contrast) => ctx.update({ contrast }),
      attrs: { class: 'panel' },
    });

    // More: spacing and side content (checkboxes), and what the extension offers.
    const more = make('div', { class: 'panel' });
    const check = (text: string, change: (checked: boolean) => void) => {
      const box = checkbox(doc, on, text, change);
      more.append(box.label);
      return box.input;
    };
    const spacing = check(t.spacing, (c) => ctx.update({ spacing: c ? 'wcag' : 'off' }));
    const clutter = check(t.clutter, (c) => ctx.update({ hideClutter: c }));
    const scope = actions?.scope ? check(t.scope, (c) => actions.scope!.change(c)) : null;
    if (actions?.turnOff) {
      const off = make('button', { type: 'button' }, ...iconText('off', t.turnOff));
      on(off, 'click', () => actions.turnOff!());
      more.append(off);
    }

    // The article alone (reader view), and read aloud on the page; both start from the page as it is now.
    let latest: Readonly<Settings> | undefined;
    const reader = make('button', { type: 'button' }, ...iconText('reader', t.reader));
    on(reader, 'click', () => {
      // An embedder that remembers the view's own settings opens it with those (see UiOptions.reader).
      const hooks = ctx.ui?.reader;
      const settings = hooks?.settings?.() ?? { ...latest };
      withReaderFeatures((f) => f.openReader(doc, { tagPrefix: ctx.prefix, lang, invoker: reader, guard: guarded, settings, ...(hooks?.onChange ? { onChange: hooks.onChange } : {}) }));
    });
    const read = make('button', { type: 'button' }, ...iconText('speak', t.readAloud));
    on(read, 'click', () => withReaderFeatures((f) => f.readAloud(doc, { lang, invoker: read })?.root.querySelector('button')?.focus()));

    tools.append(size.group, panels.add('colours', t.contrast, colours.fieldset), panels.add('more', t.more, more), reader, read);
    const row = make('div', { class: 'row' }, name, tools);
    const section = make('section', { class: 'bar', 'aria-labelledby': 'name' }, row, colours.fieldset, more, status);
    name.id = 'name';
    shadowStyle(shadow, TOOLBAR_CSS);
    shadow.append(section);

    const fold = (folded: boolean) => {
      name.setAttribute('aria-expanded', String(!folded));
      name.replaceChild(icon(doc, folded ? 'expand' : 'collapse'), name.firstChild!);
      tools.hidden = folded;
      if (folded) panels.closeAll();
    };
    fold(!!actions?.collapsed);
    on(name, 'click', () => {
      const folded = name.getAttribute('aria-expanded') === 'true';
      fold(folded);
      actions?.onCollapse?.(folded);
    });

    /** Changes the size and keeps the pressed button where it was on the screen. */
    const resize = (button: HTMLButtonElement, press: SizePress) => {
      const now = latest?.fontScale ?? 1;
      const next = nextScale(now, press);
      if (next === now) return;
      const before = button.getBoundingClientRect().top;
      ctx.update({ fontScale: next });
      // The layout the next frame needs anyway, read now: the text above the toolbar grew or shrank.
      const moved = button.getBoundingClientRect().top - before;
      if (Math.abs(moved) >= 1) win.scrollBy({ top: moved, behavior: 'instant' });
      status.textContent = t.sizeNow.replace('{n}', String(Math.round(next * 100)));
    };
    on(smaller, 'click', () => resize(smaller, 'smaller'));
    on(reset, 'click', () => resize(reset, 'reset'));
    on(larger, 'click', () => resize(larger, 'larger'));

    sync = (s) => {
      latest = s;
      size.show(s.fontScale);
      colours.show(s.contrast);
      spacing.checked = s.spacing === 'wcag';
      clutter.checked = s.hideClutter;
      if (scope) scope.checked = !!actions?.scope?.siteOnly();
    };
  }

  /**
   * The article first: a page opening enlarged, not yet scrolled and not sent to an anchor, is scrolled so
   * that the toolbar, the title and the start of the text are on the first screen.
   */
  function articleFirst(ctx: Context, settings: Readonly<Settings>): void {
    const { win, doc } = ctx;
    if (settings.fontScale <= 1 || win.scrollY > 0 || doc.location?.hash || !host) return;
    const top = host.getBoundingClientRect().top;
    if (top > win.innerHeight * 0.25) win.scrollTo({ top: win.scrollY + top - 8, behavior: 'instant' });
  }

  /**
   * Where the toolbar goes: before the article, or before a wider box that starts with it (its column, the row
   * of columns), so that it keeps its place when the columns stack at large sizes and fits on one row. Only
   * through boxes laid out as blocks: a flex or grid row would take the toolbar for one of its columns.
   */
  function anchor(ctx: Context): Element {
    const { win, doc } = ctx;
    const start = titleAbove(ctx) ?? ctx.article.root;
    const top = start.getBoundingClientRect().top;
    let at: Element = start;
    while (at.getBoundingClientRect().width < WIDE) {
      const up = at.parentElement;
      if (!up || up === bodyOf(doc) || !up.parentElement || up.parentElement === rootOf(doc)) break;
      if (!/^(block|flow-root|list-item)$/.test(win.getComputedStyle(up.parentElement).display)) break;
      // Not above much else (a breadcrumb, a date at most): the toolbar stays right above the title.
      if (top - up.getBoundingClientRect().top > 120) break;
      at = up;
    }
    return at;
  }

  /**
   * The article's title when the page shows it before (outside) the box the article was found in: looked for
   * among the few hundred elements before that box, whatever their tag (a heading, a styled div or span).
   */
  function titleAbove(ctx: Context): Element | null {
    const { article } = ctx;
    const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    const title = norm(article.title);
    if (!title) return null;
    let el: Element | null = article.root;
    for (let n = 0; el && n < 400; n++) {
      // The element before `el` in document order: its previous sibling's last descendant, or its parent.
      let prev: Element | null = el.previousElementSibling;
      if (prev) while (prev.lastElementChild) prev = prev.lastElementChild;
      el = prev ?? el.parentElement;
      if (!el || el.tagName === 'BODY') return null;
      if (el.contains(article.root)) continue;
      if (el.childElementCount <= 3 && norm(el.textContent) === title) return el.getClientRects().length ? el : null;
    }
    return null;
  }

  return {
    prepare(ctx, settings) {
      // Where it goes is read with the other transforms' reads (one layout), before anything is written.
      if (settings.toolbar && !host?.isConnected && !place) place = anchor(ctx);
    },
    apply(ctx, settings) {
      if (!settings.toolbar) {
        host?.remove();
        return;
      }
      if (!host) {
        build(ctx);
        ctx.addStyle(
          '@layer ar-ui{[data-ar-toolbar]{display:block!important;float:none!important;clear:both!important;position:static!important;' +
            'width:auto!important;max-width:100%!important;height:auto!important;margin:0 0 .75em!important;padding:0!important;zoom:1!important;' +
            'font-size:16px!important;line-height:1.3!important;letter-spacing:normal!important;word-spacing:normal!important}}',
        );
      }
      if (!host!.isConnected) {
        const at = place?.isConnected ? place : anchor(ctx);
        ctx.quietly(() => at.before(host!));
      }
      place = undefined;
      sync!(settings);
      if (firstApply) articleFirst(ctx, settings);
      firstApply = false;
    },
    remove() {
      host?.remove();
      host = sync = place = undefined;
      firstApply = true;
    },
  };
}
