/**
 * Custom elements for the content script, private to the extension (see private-elements.ts for why neither
 * the page's registry nor a polyfill will do). Imported first, before Lit: the component classes extend the
 * `HTMLElement` this installs.
 */
// Before Lit too: a page whose Trusted Types allowlist lacks Lit's policy must not stop this script at load.
import { markupFreeTemplates } from '@accessible-reader/retrofit/lit-policy.js';
import { installPrivateElements } from './private-elements';

installPrivateElements();
// This build's Lit templates are compiled ahead of time (extension/build/): Lit never parses markup here, so a
// page that refuses Lit's Trusted Types policy does not stop the components.
markupFreeTemplates();
