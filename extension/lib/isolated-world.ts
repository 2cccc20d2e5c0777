/**
 * Custom elements for the content script, private to the extension (see private-elements.ts for why neither
 * the page's registry nor a polyfill will do). Imported first, before Lit: the component classes extend the
 * `HTMLElement` this installs.
 */
import { installPrivateElements } from './private-elements';

installPrivateElements();
