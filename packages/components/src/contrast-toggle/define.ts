import { defineElement } from '../shared/define-element.js';
import { ArContrastToggle } from './contrast-toggle.js';

defineElement('ar-contrast-toggle', ArContrastToggle);

declare global {
  interface HTMLElementTagNameMap {
    'ar-contrast-toggle': ArContrastToggle;
  }
}
