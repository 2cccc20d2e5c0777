import { defineElement } from '../shared/define-element.js';
import { ArRating } from './rating.js';

defineElement('ar-rating', ArRating);

declare global {
  interface HTMLElementTagNameMap {
    'ar-rating': ArRating;
  }
}
