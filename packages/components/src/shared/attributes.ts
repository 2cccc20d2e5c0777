/**
 * Attribute values come from page authors and hostile pages alike. These helpers turn them into valid state
 * and warn once per element and attribute, so a typo is visible in the console without flooding it.
 */
const warned = new WeakMap<Element, Set<string>>();

/** `console.warn` once for this element and key. */
export function warnOnce(el: Element, key: string, message: string): void {
  let keys = warned.get(el);
  if (!keys) warned.set(el, (keys = new Set()));
  if (keys.has(key)) return;
  keys.add(key);
  try {
    console.warn(`<${el.localName}> ${message}`);
  } catch {
    // A page without console.warn (old-IE guards): the warning is lost, the component keeps working.
  }
}

/**
 * A finite number within [min, max]. Non-numbers fall back to `fallback`, out-of-range numbers are clamped;
 * either way the element warns once for `name`.
 */
export function clampNumber(el: Element, name: string, value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) {
    if (value !== undefined && value !== null) warnOnce(el, name, `ignored ${name}="${String(value)}": not a number; using ${fallback}.`);
    return fallback;
  }
  if (n < min || n > max) {
    const clamped = Math.min(max, Math.max(min, n));
    warnOnce(el, name, `${name}=${n} is outside ${min}–${max}; using ${clamped}.`);
    return clamped;
  }
  return n;
}

/** One of the allowed strings, else `fallback` with a warning. */
export function oneOf<T extends string>(el: Element, name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  if (value !== undefined && value !== null) warnOnce(el, name, `ignored ${name}="${String(value)}": expected ${allowed.join(' | ')}.`);
  return fallback;
}

/** Lit attribute converter that keeps the raw text, so that `willUpdate` can validate it and warn. */
export const rawNumber = {
  fromAttribute: (value: string | null): number => (value === null ? NaN : Number(value)),
  toAttribute: (value: number): string | null => (Number.isFinite(value) ? String(value) : null),
};
