/**
 * The absolute URL of `value` resolved against the document, or '' unless it is http(s). The URL parser
 * does the work: it strips the spaces, tabs and newlines that hide `java\tscript:`, lowercases the scheme
 * (`JaVaScRiPt:`), and rejects what cannot be parsed; only the resulting protocol is checked.
 */
export function safeUrl(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) return '';
  try {
    const url = new URL(value, document.baseURI);
    return /^https?:$/.test(url.protocol) ? url.href : '';
  } catch {
    return '';
  }
}
