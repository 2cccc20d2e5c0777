// The language of the reader's controls and of the voice that reads an article.
import { describe, expect, it } from 'vitest';
import { extractFrom, pageBlocks } from '../../packages/retrofit/src/extract/extract';
import { languages } from '../../packages/retrofit/src/reader/lang';

const VI_TEXT = [
  'Sáng 15/10, tại Hội trường UBND phường, Đảng ủy phường Duy Tân tổ chức Tọa đàm kỷ niệm 95 năm Ngày truyền thống công tác Dân vận của Đảng.',
  'Dự Tọa đàm có đồng chí Nguyễn Văn Hùng, Phó Trưởng ban Dân vận Quận ủy, cùng đại diện lãnh đạo HĐND, UBND và Ủy ban MTTQ phường.',
  'Tại Tọa đàm, các đại biểu đã ôn lại truyền thống vẻ vang của công tác dân vận và đánh giá kết quả thực hiện phong trào thi đua “Dân vận khéo”.',
  'Phát biểu kết luận, đồng chí Bí thư Đảng ủy phường đề nghị các chi bộ, đoàn thể tiếp tục đổi mới nội dung, phương thức công tác dân vận.',
];

/** A page with `htmlLang` on <html> and `articleLang` on the article; its title has no Vietnamese letters. */
function page(htmlLang: string | null, articleLang: string | null) {
  const attr = (name: string, v: string | null) => (v === null ? '' : ` ${name}="${v}"`);
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html${attr('lang', htmlLang)}><head><title>Ward news</title></head><body><main><article${attr('lang', articleLang)}><h1>Ward news</h1>${VI_TEXT.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`,
    'text/html',
  );
  const { article } = extractFrom(doc);
  if (!article) throw new Error('no article in the test page');
  // Where the article's text starts on the page, as read-aloud and the reader view pass it.
  return { doc, article, start: pageBlocks(article)[0]?.el };
}

describe('languages of a page', () => {
  it('a Vietnamese article in an English page (<article lang="vi">) is read in Vietnamese, with Vietnamese controls', () => {
    const { doc, article, start } = page('en', 'vi');
    expect(languages(doc, article.title, undefined, start)).toEqual({ ui: 'vi', text: 'vi' });
    // The reader asked for English controls: the voice still reads Vietnamese.
    expect(languages(doc, article.title, 'en', start)).toEqual({ ui: 'en', text: 'vi' });
  });
  it('a page declared English throughout is read in English, whatever its words', () => {
    const { doc, article, start } = page('en-GB', null);
    expect(languages(doc, article.title, undefined, start)).toEqual({ ui: 'en', text: 'en-GB' });
  });
  it('a page declared Vietnamese is read in Vietnamese', () => {
    const { doc, article, start } = page('vi-VN', null);
    expect(languages(doc, article.title, undefined, start)).toEqual({ ui: 'vi', text: 'vi-VN' });
  });
  it('a page without lang gets Vietnamese controls (the portals rarely declare it)', () => {
    const { doc, article, start } = page(null, null);
    expect(languages(doc, article.title, undefined, start).ui).toBe('vi');
  });
});
