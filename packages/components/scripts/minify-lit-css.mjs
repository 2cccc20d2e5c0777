import { minifyHTMLLiterals } from 'minify-literals';

/**
 * A Vite plugin that minifies the CSS inside Lit's css`` templates under `srcDir` (the JS minifier leaves template
 * contents alone). HTML templates are left as written: their whitespace can be part of an accessible name
 * ("A+ Tăng cỡ chữ"). Used by the components' CDN bundle and by the retrofit engine's one-file bundle.
 */
export function minifyLitCss(srcDir) {
  return {
    name: 'minify-lit-css',
    async transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.ts')) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id, html: false });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
