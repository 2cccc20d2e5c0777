/** Registers all four `ar-*` tags. Side effect on purpose: this is the module to import for the default tags. */
import './font-size/define.js';
import './contrast-toggle/define.js';
import './rating/define.js';
import './related-articles/define.js';

export { define } from './register.js';
