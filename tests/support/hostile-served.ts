/**
 * Hostile pages served for real, with the response headers they need (a strict Content-Security-Policy with
 * Trusted Types), for the Chromium suite (tests/hostile/served.node.test.ts) and the Firefox one
 * (tests/firefox/trusted-types.test.ts); and the page-side checks both run on them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServedPage } from './extension-site';
import { inPage, type InPage } from './reader-probes';

/** Trusted Types required for every script sink; inline scripts need the page's nonce. */
export const STRICT_CSP = "require-trusted-types-for 'script'; script-src 'self' 'nonce-hostile'; object-src 'none'; base-uri 'none'";
/** A Trusted Types allowlist that names the site's own policy only, not Lit's `lit-html`. */
export const TT_ALLOWLIST_CSP = `${STRICT_CSP}; trusted-types somepolicy`;

/** Trusted Types alone, with that allowlist: for a sample portal page, whose own inline scripts have no nonce. */
export const TT_ONLY_ALLOWLIST_CSP = "require-trusted-types-for 'script'; trusted-types somepolicy";

/** A page of tests/fixtures/hostile. */
export const hostileFixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/hostile/${name}`, import.meta.url)), 'utf8');

/** A page (by default a hostile one) served with `csp` as its Content-Security-Policy header. */
export const withCsp = (file: string, csp: string, body = hostileFixture(file)): ServedPage => ({ body, headers: { 'content-security-policy': csp } });

/** What every hostile page's own script keeps up to date (tests/fixtures/hostile). */
export interface PageMarker {
  ready: boolean;
  clicks: number;
  ticks: number;
  /** CSP violations the page saw (`securitypolicyviolation` events), where it listens for them. */
  violations?: string[];
}

export const pageMarker = (page: InPage) => inPage(page, () => (window as unknown as { __page: PageMarker }).__page);

/** A click of the page's own button, from the page's own script. */
export const clickSiteButton = (page: InPage) => inPage(page, () => (document.getElementById('site-button') as HTMLElement).click());

/** Whether the page's Trusted Types are enforced: a plain string into `innerHTML` is refused. */
export const trustedTypesEnforced = (page: InPage) =>
  inPage(page, () => {
    const probe = document.createElement('div');
    try {
      probe.innerHTML = '<b>x</b>';
      return false;
    } catch {
      return true;
    }
  });
