/**
 * The pieces of the engine's compact bars, shared by the on-page toolbar and the reader view's bar, so that a
 * reader who knows one knows the other: text size (A- / A / A+ and the size now), disclosure buttons whose
 * panels open under the row one at a time, native radio groups and checkboxes, and their stylesheet.
 */
import { h } from './h.js';
import { icon } from './icons.js';

/**
 * Adds a listener the way a bar wants it: the toolbar's acts on trusted events only when guarded and reports
 * errors to the engine; the reader view's does the same for itself.
 */
export type Listen = <E extends Event>(el: EventTarget, type: string, fn: (e: E) => void) => void;

/** The text size range of both bars: 100 % to 300 % in steps of 25 %. */
export const SCALE = { min: 1, max: 3, step: 0.25 } as const;

export type SizePress = 'smaller' | 'reset' | 'larger';

/** The size after a press of A-, A or A+ at `now`, within the range and rounded to the hundredth. */
export function nextScale(now: number, press: SizePress): number {
  const to = press === 'reset' ? 1 : now + (press === 'larger' ? SCALE.step : -SCALE.step);
  return Math.round(Math.min(SCALE.max, Math.max(SCALE.min, to)) * 100) / 100;
}

/** The names the size group needs (the toolbar's vocabulary). */
export interface SizeStrings {
  size: string;
  smaller: string;
  reset: string;
  larger: string;
}

export interface SizeGroup {
  group: HTMLElement;
  buttons: Record<SizePress, HTMLButtonElement>;
  /** Shows `scale`: the percentage, and the ends of the range (disabled there, still focusable). */
  show(scale: number): void;
}

/**
 * A- / A / A+ and the size now: three native buttons whose visible text is the start of their name ("A+ Tăng
 * cỡ chữ"), in a labelled group; the percentage is shown, not read (each press is announced instead).
 */
export function sizeGroup(doc: Document, t: SizeStrings): SizeGroup {
  const button = (label: string, hidden: string) => h(doc, 'button', { type: 'button' }, label, h(doc, 'span', { class: 'vh' }, ` ${hidden}`));
  const buttons = { smaller: button('A-', t.smaller), reset: button('A', t.reset), larger: button('A+', t.larger) };
  const pct = h(doc, 'span', { class: 'pct', 'aria-hidden': 'true' });
  const group = h(doc, 'div', { role: 'group', class: 'size', 'aria-label': t.size }, buttons.smaller, buttons.reset, buttons.larger, pct);
  return {
    group,
    buttons,
    show(scale) {
      pct.textContent = `${Math.round(scale * 100)}%`;
      // Disabled at the ends, but focusable and announced: aria-disabled keeps the button where focus is.
      buttons.smaller.setAttribute('aria-disabled', String(scale <= SCALE.min));
      buttons.larger.setAttribute('aria-disabled', String(scale >= SCALE.max));
      buttons.reset.setAttribute('aria-disabled', String(scale === 1));
    },
  };
}

export interface Disclosures {
  /** A button (its text, then a chevron) that shows and hides `panel`, which gets `id`. */
  add(id: string, text: string, panel: HTMLElement): HTMLButtonElement;
  /** Hides every panel. */
  closeAll(): void;
}

/** Disclosure buttons (WAI-ARIA APG) whose panels open under the row, one at a time. */
export function disclosures(doc: Document, on: Listen): Disclosures {
  const panels: Array<[HTMLButtonElement, HTMLElement]> = [];
  const show = (open: HTMLButtonElement | null) => {
    for (const [b, p] of panels) {
      b.setAttribute('aria-expanded', String(b === open));
      p.hidden = b !== open;
    }
  };
  return {
    add(id, text, panel) {
      panel.id = id;
      panel.hidden = true;
      const b = h(doc, 'button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': id }, h(doc, 'span', {}, text), icon(doc, 'expand'));
      panels.push([b, panel]);
      on(b, 'click', () => show(b.getAttribute('aria-expanded') === 'true' ? null : b));
      return b;
    },
    closeAll: () => show(null),
  };
}

export interface ChoiceGroup<V extends string> {
  fieldset: HTMLFieldSetElement;
  inputs: HTMLInputElement[];
  /** Checks the radio of `value`. */
  show(value: V): void;
}

/**
 * A native radio group in a fieldset with its legend; each choice is a label around its radio (a 44 px target),
 * with a decorative sample before the words when `swatch` names its class.
 */
export function choiceGroup<V extends string>(
  doc: Document,
  on: Listen,
  o: { legend: string; name: string; values: readonly V[]; label: (v: V) => string; swatch?: (v: V) => string; pick: (v: V) => void; attrs?: Record<string, string> },
): ChoiceGroup<V> {
  const fieldset = h(doc, 'fieldset', o.attrs ?? {}, h(doc, 'legend', {}, o.legend));
  const inputs = o.values.map((v) => {
    const input = h(doc, 'input', { type: 'radio', name: o.name, value: v });
    // Click, not change: a script's input.click() fires a change the browser calls trusted, but its click is
    // not (so a guarded bar can tell). The reader's clicks, Space and arrow keys all fire a click.
    on(input, 'click', () => input.checked && o.pick(v));
    const sample = o.swatch ? [h(doc, 'span', { class: `swatch ${o.swatch(v)}`, 'aria-hidden': 'true' }, 'Aa')] : [];
    fieldset.append(h(doc, 'label', {}, input, ...sample, o.label(v)));
    return input;
  });
  return { fieldset, inputs, show: (value) => inputs.forEach((r) => (r.checked = r.value === value)) };
}

/** A native checkbox inside its label (the label is the 44 px target). */
export function checkbox(doc: Document, on: Listen, text: string, change: (checked: boolean) => void): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = h(doc, 'input', { type: 'checkbox' });
  // Click, not change: see choiceGroup.
  on(input, 'click', () => change(input.checked));
  return { label: h(doc, 'label', {}, input, text), input };
}

/**
 * The bars' stylesheet, for the element with class `bar` (and what is inside it). Colours come from custom
 * properties the host sets: `--bar-fg`, `--bar-bg` and `--bar-focus`. Radios and checkboxes are drawn in the
 * text colour (a native one in a dark theme is grey on grey). Every target is at least 44 px, focus is always
 * visible, forced colours are followed.
 */
export const BAR_CSS = `
.bar{font-family:"Noto Sans","Segoe UI",Roboto,Arial,"Helvetica Neue",sans-serif;line-height:1.3;letter-spacing:normal;word-spacing:normal;
  text-align:start;color:var(--bar-fg);background:var(--bar-bg)}
.bar .row,.bar .panel,.bar fieldset{display:flex;flex-wrap:wrap;align-items:center;gap:3px}
.bar .panel[hidden]{display:none}
.bar button{font:inherit;min-width:44px;min-height:44px;margin:0;padding:0 6px;display:inline-flex;align-items:center;justify-content:center;gap:6px;
  border:2px solid currentColor;border-radius:6px;background:var(--bar-bg);color:inherit;cursor:pointer}
.bar button svg{width:16px;height:16px;flex:none}
.bar button[aria-expanded] svg{width:12px;height:12px}
.bar button[aria-expanded=true] svg{transform:rotate(180deg)}
.bar button[aria-expanded=true]{background:var(--bar-fg);color:var(--bar-bg)}
.bar .size{display:inline-flex;align-items:center;gap:3px}
.bar .size button{font-weight:700;padding:0 6px}
.bar .size button[aria-disabled=true]{border-style:dashed;cursor:default}
.bar .pct{min-width:3em;text-align:center;font-weight:700;font-variant-numeric:tabular-nums}
.bar .panel{margin-top:4px;padding:6px 0 2px;border-top:2px solid currentColor;gap:6px 12px}
.bar fieldset{margin:0;padding:0;border:0;gap:4px 8px}
.bar legend{float:left;padding:0;margin-inline-end:6px;font-weight:700}
.bar label{display:inline-flex;align-items:center;gap:8px;min-height:44px;padding:0 8px;border:2px solid transparent;border-radius:6px;cursor:pointer}
.bar label:has(input:checked){border-color:currentColor}
.bar input{appearance:none;flex:none;display:inline-grid;place-content:center;width:22px;height:22px;margin:0;border:2px solid currentColor;
  background:var(--bar-bg);color:inherit;cursor:pointer}
.bar input[type=radio]{border-radius:50%}.bar input[type=checkbox]{border-radius:3px}
.bar input[type=radio]:checked::before{content:"";width:10px;height:10px;border-radius:50%;background:currentColor}
.bar input[type=checkbox]:checked::before{content:"";width:6px;height:12px;margin-top:-3px;border:solid currentColor;border-width:0 3px 3px 0;transform:rotate(45deg)}
.bar .swatch{display:inline-grid;place-items:center;min-width:2.2em;height:1.6em;border:1px solid currentColor;border-radius:4px;font-weight:700}
.bar .s-high{background:#fff;color:#000}.bar .s-dark{background:#000;color:#fff}.bar .s-yellow{background:#000;color:#ff0}
.bar :focus-visible{outline:3px solid var(--bar-focus);outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
@media (forced-colors:active){.bar,.bar button,.bar label:has(input:checked){border-color:CanvasText}
  .bar input{appearance:auto}.bar .swatch{forced-color-adjust:none}
  /* System colours of its own: the browser's text backplate would otherwise hide the words of an open button. */
  .bar button[aria-expanded=true]{forced-color-adjust:none;background:Highlight;color:HighlightText;border-color:Highlight}}
`;
