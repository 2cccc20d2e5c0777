const VI_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;


/**
 * The languages of a page: `ui` for the reader's own controls (Vietnamese for vi* pages, pages without
 * `lang` and Vietnamese titles under a wrong `lang`; English otherwise) and `text` for the article, which is
 * also the language read-aloud asks a voice for.
 */
export function languages(doc: Document, title: string, forced?: 'vi' | 'en', textStart?: Element): { ui: 'vi' | 'en'; text: string } {
  // The language declared nearest to the article's text (`textStart`, the page element its first block is in)
  // wins over the page's: `<article lang="vi">` in an English page.
  const declared = textStart?.closest('[lang]');
  const page = ((declared ?? doc.documentElement).getAttribute('lang') ?? '').trim();
  const declaredVi = /^vi\b/i.test(page);
  const vi = declaredVi || !page || VI_LETTERS.test(title);
  const ui = forced === 'vi' || forced === 'en' ? forced : vi ? 'vi' : 'en';
  return { ui, text: vi && !declaredVi ? 'vi' : page };
}
