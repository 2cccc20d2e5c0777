import { defineElement } from '../shared/define-element.js';
import { ArFontSize } from './font-size.js';

defineElement('ar-font-size', ArFontSize);

declare global {
  interface HTMLElementTagNameMap {
    'ar-font-size': ArFontSize;
  }
}
