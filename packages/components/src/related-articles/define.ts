import { defineElement } from '../shared/define-element.js';
import { ArRelatedArticles } from './related-articles.js';

defineElement('ar-related-articles', ArRelatedArticles);

declare global {
  interface HTMLElementTagNameMap {
    'ar-related-articles': ArRelatedArticles;
  }
}
