/**
 * `@accessible-reader/components` inside the reader script: the classes the bundle already defined, so that the
 * reader view's rating and related articles are the same elements as on the page (one registry, one class).
 */
import type { components as Components, define as Define } from '@accessible-reader/components';
import { COMPONENTS_KEY, slots } from './handoff.js';

const core = slots[COMPONENTS_KEY] as { components: typeof Components; define: typeof Define } | undefined;

export const components: typeof Components = core?.components ?? ({} as typeof Components);
export const define: typeof Define =
  core?.define ??
  (() => {
    throw new Error('Accessible Reader: load accessible-reader-retrofit.js before the reader script.');
  });
