/**
 * Each cause of the misses that issue 11 lists, on a page of our own (tests/fixtures/corpus/causes/), in real
 * Chromium: what the reader gets is the article's text, all of it and nothing else, with the metadata a reader can
 * see, and the engine works inside a frame that holds the article.
 */
import { describe, expect, it } from 'vitest';
import { readingBlocks } from '../../packages/retrofit/src/extract/blocks';
import { CORPUS } from './corpus';
import { score } from './score';
import { fontPx } from '../retrofit/support/page';
import { frame, openReaderPage } from './support';

const pages = import.meta.glob<string>('../fixtures/corpus/causes/*.html', { eager: true, query: '?raw', import: 'default' });
const page = (name: string) => pages[`../fixtures/corpus/causes/${name}.html`]!;

/** The text of the `<p>` paragraphs of `selector` in `html` (scripts left out), one per line: what the reader must get. */
function paragraphs(html: string, selector: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const s of doc.querySelectorAll('script, style')) s.remove();
  return [...doc.querySelectorAll(`${selector} p`)].map((p) => p.textContent!.replace(/\s+/g, ' ').trim()).join('\n');
}

async function extracted(name: string) {
  const { doc, x } = await openReaderPage(page(name));
  const article = x.extract(doc);
  expect(article, name).not.toBeNull();
  return { doc, x, article: article! };
}

describe('the causes of the misses, each on a page of our own', () => {
  it('text inside <script>, <style>, <template> and <noscript> never counts: not the JSON-LD box, not app state', async () => {
    const { doc, x, article } = await extracted('script-text');
    expect(article.text).toBe(paragraphs(page('script-text'), '.content'));
    for (const gone of ['__APP_STATE__', 'Giá xăng dầu', 'Quảng cáo', 'Mẫu thẻ tin', 'Vui lòng bật JavaScript', 'ad-inline']) expect(article.text).not.toContain(gone);
    const body = x.findArticle(doc)!.article.body;
    expect(body.closest('.side')).toBeNull();
    expect(body.textContent).toContain('Sau bốn tháng thi công');
  });

  it('text a stylesheet hides (a closed modal, a mobile menu) never counts: the article is the visible one', async () => {
    const { doc, x, article } = await extracted('hidden-modal');
    expect(article.text).toBe(paragraphs(page('hidden-modal'), '.news-content'));
    const found = x.findArticle(doc)!.article;
    expect(found.body.closest('.news-detail')).not.toBeNull();
    expect(found.title).toBe('Phường An Khánh tổ chức ngày hội hiến máu tình nguyện đợt 2 năm 2025');
  });

  it('paragraphs written as <div><span><span>text</span></span></div> are paragraphs', async () => {
    const { article } = await extracted('richtext-spans');
    expect(article.text.split('\n')).toEqual([
      expect.stringMatching(/^Sáng 11\/8, Ban chỉ đạo/),
      expect.stringMatching(/^Đã có 214 người đăng ký/),
      expect.stringMatching(/^Ban tổ chức đã tặng quà/),
      expect.stringMatching(/^Theo kế hoạch, đợt hiến máu thứ 3/),
    ]);
    expect(article.text).not.toContain('Thông báo');
    expect(article.byline).toBe('Minh Thư');
    expect(article.published).toBe('2025-08-12');
  });

  it('a comment (<article class="comment-body">) or the comment list is never the article', async () => {
    const { doc, x, article } = await extracted('wp-comments');
    expect(article.text).toBe(paragraphs(page('wp-comments'), '.entry-content'));
    expect(article.title).toBe('Xã Hòa Phong hoàn thành cứng hóa kênh mương nội đồng');
    expect(x.findArticle(doc)!.article.root.closest('#comments')).toBeNull();
  });

  it('one long paragraph is not the article: the list of documents and the closing paragraph around it are kept', async () => {
    const { doc, x, article } = await extracted('lone-paragraph');
    const lines = article.text.split('\n');
    expect(lines[0]).toMatch(/^Thực hiện Quyết định của Ủy ban nhân dân thành phố/);
    expect(lines).toContain('Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp');
    expect(lines.at(-1)).toBe('Mọi thắc mắc xin liên hệ Bộ phận một cửa, điện thoại 028 3820 1234, trong giờ hành chính.');
    expect(lines).toHaveLength(10);
    expect(article.text).not.toContain('Tin mới');
    expect(x.findArticle(doc)!.article.body.matches('.post-body')).toBe(true);
  });

  it("a column of teasers beside the article (their summaries read as prose) is not added to the article", async () => {
    const { doc, x, article } = await extracted('teaser-column');
    expect(article.text).toBe(paragraphs(page('teaser-column'), '.noi-dung'));
    expect(article.title).toBe('Huyện Cần Giờ khánh thành cầu dân sinh ấp Bình An');
    expect(x.findArticle(doc)!.article.body.closest('.khoi-chinh')).not.toBeNull();
  });

  it('an article cut in two alike boxes by a photo is read whole, both parts', async () => {
    const { article } = await extracted('split-body');
    expect(article.text).toBe(paragraphs(page('split-body'), '.bai-viet'));
    expect(article.text.split('\n')).toHaveLength(5);
  });

  it("a titled list of the site's newest posts after the last sentence is left out; the same list of files stays", async () => {
    const { article } = await extracted('trailing-links');
    expect(article.text).toBe(paragraphs(page('trailing-links'), '.item-body'));
    for (const gone of ['Tin mới đăng', 'Ra quân vệ sinh', 'Hội thi nông dân']) expect(article.text).not.toContain(gone);

    const files = page('trailing-links').replace(/href="(\/tin\/[\w-]+)"/g, 'href="$1.pdf"');
    const { doc, x } = await openReaderPage(files);
    expect(x.extract(doc)!.text).toContain('Hội thi nông dân sản xuất giỏi năm 2025');
  });

  it('a list of links to other pages after the text goes under a heading longer than a short label too, and its bold title is no byline', async () => {
    const { article } = await extracted('long-list-title');
    expect(article.text).toBe(paragraphs(page('long-list-title'), '.sqs-html-content').split('\n').slice(0, 4).join('\n'));
    for (const gone of ['các tỉnh thành khác', 'Hà Nội', 'TP. Hồ Chí Minh']) expect(article.text).not.toContain(gone);
    // The list's title, in bold, is no signature either.
    expect(article.byline).toBeUndefined();
  });

  it("lists of teasers of the site's other stories before and after the article, and a row of cards each covered by an empty link, go with their titles, and their authors and dates are not the article's; the article's own list of links stays", async () => {
    const { article } = await extracted('teaser-lists');
    expect(article.title).toBe('Đà Nẵng mở thêm ba điểm tiếp nhận hồ sơ cho người cao tuổi');
    expect(article.text).toBe(paragraphs(page('teaser-lists'), '.shortcode-content'));
    for (const gone of ['Tin nổi bật', 'Cầu Rồng phun lửa', 'Xem thêm', 'Khám mắt miễn phí', 'Minh Châu', 'Đêm nhạc tình nghĩa']) expect(article.text).not.toContain(gone);
    // The rail's cards, whose kickers and lines are in no link (an empty link covers each card), go with their title.
    for (const gone of ['Đọc nhiều nhất', 'TẤM LÒNG BÀ NỘI', 'Nông dân Hòa Vang', 'CẢNH GIÁC', 'giả nhân viên điện lực']) expect(article.text).not.toContain(gone);
    // The article names no author and no date: the first teaser's ("Minh Châu", 29/11/2025) are another story's.
    expect(article.byline).toBeUndefined();
    expect(article.published).toBeUndefined();
  });

  it("what would be heard twice goes (a caption's copies for the gallery's viewer, a pull quote), with the gallery's buttons and credit, an ad's label and the links to the site's other stories", async () => {
    const { article } = await extracted('repeats');
    const html = page('repeats');
    const caption = 'Các cụ trong câu lạc bộ dưỡng sinh tập bài đầu tiên tại hội trường tầng trệt của nhà văn hóa mới, sáng thứ Bảy.';
    const doc = new DOMParser().parseFromString(html, 'text/html');
    // The paragraphs of text: the lines of links to other stories are not.
    const text = [...doc.querySelectorAll('.article-body > p')].filter((p) => !p.querySelector('a')).map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
    expect(text).toContain(doc.querySelector('.pull-quote')!.textContent!.trim());
    // Each paragraph once (the pull quote's copy not again), the caption once, under its photo.
    expect(article.text.split('\n')).toEqual([text[0], caption, ...text.slice(1)]);
    // A run of paragraphs said again (more than three) is the page's own doing, and stays as the page has it.
    const copied = text.slice(1).map((t) => `<p>${t}</p>`).join('');
    const { doc: twice, x } = await openReaderPage(html.replace('</div>\n  </article>', `${copied}</div>\n  </article>`));
    const lines = x.extract(twice)!.text.split('\n');
    expect(lines.slice(-4)).toEqual(text.slice(1));
    expect(lines.slice(-8, -4)).toEqual(text.slice(1));
    // Said again after other text (as each day of a plan repeats its warm-up), it belongs where it is, and stays.
    const { doc: later, x: again } = await openReaderPage(html.replace('</div>\n  </article>', `<p>${text[1]}</p></div>\n  </article>`));
    expect(again.extract(later)!.text.split('\n').filter((line) => line === text[1])).toHaveLength(2);
    for (const gone of ['Chú thích', 'Đóng', 'Ảnh 1/3', 'Hoàng Long', 'Đọc nhiều nhất', 'Lịch cắt điện', 'Đọc thêm', 'Lịch tiêm', 'Advert', 'More:', 'Free bus rides', "DON'T MISS", 'night clinic']) {
      expect(article.text).not.toContain(gone);
    }
  });

  it('a date written in words on a line of its own is the article\'s date, shown once in the header; a timeline\'s dated entries stay', async () => {
    const { article } = await extracted('written-dates');
    expect(article.published).toBe('2019-11-20');
    const text = paragraphs(page('written-dates'), '.article-body').split('\n');
    expect(text.at(-1)).toBe('Published Nov 20, 2019');
    expect(article.text).toBe(text.slice(0, -1).join('\n'));
    expect(article.text).not.toContain('3:27 am PST');
    expect(article.text).not.toContain('Advertisement');
  });

  it('without its stylesheet, what the page marks hidden stays out (a gallery\'s full-screen copy); the byline is the visible one and a CMS’s empty date (0001-01-01) is no date', async () => {
    const { article } = await extracted('styles-missing');
    expect(article.text.split('\n')).toEqual([
      'Bể bơi của nhà văn hóa phường được sửa lại tay vịn và bậc xuống nước.',
      ...[...new DOMParser().parseFromString(page('styles-missing'), 'text/html').querySelectorAll('.article-body > p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim()),
    ]);
    for (const gone of ['Chú thích', 'Đóng', 'Quay lại bộ ảnh', 'bảy mươi hai tuổi']) expect(article.text).not.toContain(gone);
    expect(article.byline).toBe('Lê Thu Hà, phóng viên thường trú');
    expect(article.published).toBeUndefined();
  });

  it("the author's <address> under the title goes whole: the name is the byline, and no 'Bởi ,' or role stays in the text", async () => {
    const { article } = await extracted('address-byline');
    expect(article.byline).toBe('Lê Thu Hà');
    expect(article.text).toBe(paragraphs(page('address-byline'), 'article'));
  });

  it('photo credits are left out and a photo caption is never the lead; titles over links to other pages go with their links', async () => {
    const { article } = await extracted('credits-and-more');
    expect(article.lead ?? '').not.toContain('Cầu Bạch Đằng 2 nối hai bờ');
    expect(article.text.split('\n')).toEqual([
      // The caption stays (it says what the photo shows), its credit goes.
      'Cầu Bạch Đằng 2 nối hai bờ sông Đồng Nai.',
      expect.stringMatching(/^Sáng 20\/11, Ủy ban nhân dân tỉnh/),
      expect.stringMatching(/^Cầu dài 980 mét/),
      expect.stringMatching(/^Phát biểu tại buổi lễ/),
      // A title that prose follows is the text's.
      'Có thể bạn quan tâm',
      expect.stringMatching(/^Người dân đi xe máy qua cầu/),
      expect.stringMatching(/^Dự kiến mỗi ngày/),
    ]);
    for (const gone of ['Ảnh: Minh Hòa', 'Ảnh: TTXVN', 'Đọc thêm', 'mở rộng Quốc lộ 1', 'Related stories', 'Cảng Phước An', 'Bến phà Bạch Đằng ngừng', 'Twitter']) expect(article.text).not.toContain(gone);
    // The photographer is not the article's author.
    expect(article.byline).toBeUndefined();
  });

  it('an inset box inside the article is not the article, though the comment thread in the same box counts against it', async () => {
    const { doc, x, article } = await extracted('inset-and-comments');
    expect(x.findArticle(doc)!.article.body.matches('div.story')).toBe(true);
    const want = [...doc.querySelectorAll('div.story > p, .inset-box > h3, .inset-box > p')].map((el) => el.textContent!.trim());
    expect(want).toHaveLength(10);
    // All the article's paragraphs and its inset, in order; none of the readers' comments.
    expect(article.text).toBe(want.join('\n'));
    // A commenter (`.comment-author`) is not the article's author.
    expect(article.byline).toBeUndefined();
  });

  it("the heading that says what og:title says, less the site's name, is the title; a question heading in the text is not", async () => {
    const { article } = await extracted('og-title-site');
    expect(article.title).toBe('Phỏng vấn: Tổ công nghệ số cộng đồng khu phố 3');
    // Nothing cut before a wrongly chosen title: the text starts with the interview's opening.
    expect(article.text).toMatch(/^Tổ công nghệ số cộng đồng khu phố 3 đã hướng dẫn hơn 600 người/);
    expect(article.text).toContain('Thưa bà, tổ bắt đầu hoạt động từ khi nào?');
    expect(article.text).toMatch(/rồi tuần sau mới học thêm việc mới\.$/);
  });

  it("an article whose box holds a table of related links is still the article, not the legal notice beside it", async () => {
    const { doc, x, article } = await extracted('related-inside');
    const body = x.findArticle(doc)!.article.body;
    expect(body.matches('td.noidung')).toBe(true);
    // The site's name after "--" in <title> is not the article's title.
    expect(article.title).toBe('Huyện Mê Linh hỗ trợ nông dân chuyển đổi cây trồng vụ đông');
    const want = [...body.querySelectorAll(':scope > p')].map((p) => p.textContent!.trim()).filter((t) => t && !t.startsWith('Tin liên quan'));
    expect(want).toHaveLength(6);
    // Exactly the paragraphs: not the title and the date line written loose in the cell, not the notice, and not
    // the related links (the title's <p> closed before their <table> is no empty box to fill: the two are the list).
    expect(article.text).toBe(want.join('\n'));
    const { widgets } = x.findArticle(doc)!;
    expect(widgets.related).toBeFalsy();
    expect(widgets.keep.some((k) => k.querySelector('a[href="/tin.asp?id=1103"]'))).toBe(true);
  });

  it('the cells of a one-column layout table inside the text are lines of their own, never run together', async () => {
    const rows = ['Thời gian: 7 giờ 30 ngày 20/11/2025.', 'Địa điểm: Hội trường Ủy ban nhân dân xã.', 'Thành phần: đại diện các hộ gia đình trong ấp.'];
    const html = page('related-inside').replace(
      '<p>Huyện cũng phối hợp',
      `<table>${rows.map((r) => `<tr><td>${r}</td></tr>`).join('')}</table><p>Huyện cũng phối hợp`,
    );
    const { doc, x } = await openReaderPage(html);
    const lines = x.extract(doc)!.text.split('\n');
    for (const row of rows) expect(lines).toContain(row);
  });

  it('an empty schema.org article block (on the footer) does not take the footer for the article', async () => {
    const { article } = await extracted('empty-schema');
    expect(article.text).toBe(paragraphs(page('empty-schema'), '.than-bai'));
    expect(article.text).not.toContain('Cơ quan chủ quản');
    expect(article.title).toBe('Khánh thành nhà văn hóa thôn Đồng Tâm');
    expect(article.published?.slice(0, 10)).toBe('2025-06-25');
  });

  it("a photo gallery's captions do not beat the article's text", async () => {
    const { article } = await extracted('gallery');
    expect(article.text).toBe(paragraphs(page('gallery'), '.noi-dung'));
  });

  it('related posts, previous/next links, the author bio, the newsletter box, donation pop-ups and flyouts are taken out of the text; a quoted tweet stays', async () => {
    const { article } = await extracted('precision-boxes');
    const doc = new DOMParser().parseFromString(page('precision-boxes'), 'text/html');
    const lines = (el: Element) => (el.matches('p') ? [el.textContent] : [el.querySelector('blockquote > p')!.textContent, '— Sở Lao động tỉnh Lạng Sơn (@laodong_ls) 14 tháng 5, 2025']);
    const want = [...doc.querySelectorAll('.entry-content > p, .social-media-embed')].flatMap(lines).join('\n');
    expect(want).toContain('@laodong_ls');
    expect(article.text).toBe(want);
    expect(score(article.text, want)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('an article whose sections are boxes of their own (one per place reviewed) is read whole, not one box', async () => {
    const { doc, x, article } = await extracted('review-boxes');
    expect(x.findArticle(doc)!.article.body.matches('article.post')).toBe(true);
    const want = paragraphs(page('review-boxes'), '.place-profile').split('\n');
    expect(want).toHaveLength(10);
    for (const p of want) expect(article.text).toContain(p);
  });

  it('a list of events whose titles are all links, one of them short, is kept whole: it is not a teaser list', async () => {
    const { article } = await extracted('event-list');
    const want = paragraphs(page('event-list'), '.events li').split('\n');
    expect(want).toHaveLength(14);
    for (const p of want) expect(article.text).toContain(p);
    expect(article.text).toContain('Họp');
  });

  it("the page's <footer>, though it says more than a short notice, is never taken for the article", async () => {
    const { article } = await extracted('footer-outweighs');
    expect(article.text).toBe(paragraphs(page('footer-outweighs'), '.notice'));
  });

  it('a heading repeating the title over the second half of a deeply indented article does not cut the first half', async () => {
    const { article } = await extracted('indented-title');
    const lines = article.text.split('\n');
    expect(lines[0]).toMatch(/^Từ ngày 1\/1, người dân có thể đăng ký thường trú/);
    expect(lines.at(-1)).toMatch(/^Bước ba: nộp lệ phí trực tuyến/);
    expect(lines).toHaveLength(7);
  });

  it('the author\'s box after the article ("Về tác giả", named by utility classes only) is not the article', async () => {
    const { article } = await extracted('author-box');
    expect(article.text).toBe(paragraphs(page('author-box'), '.prose'));
    expect(article.text).not.toContain('Trần Minh Thư');
  });

  it('NukeViet eGov: lead, byline, date and title are the visible ones, never the hidden schema.org copies', async () => {
    const { doc, x } = await openReaderPage(CORPUS.find((c) => c.name === 'nukeviet-egov')!.html);
    const article = x.extract(doc)!;
    expect(article.title).toBe('Xã Tân Hòa ra mắt tổ công nghệ số cộng đồng tại 8 thôn');
    expect(article.lead).toMatch(/^Sáng 15\/10, Ủy ban nhân dân xã Tân Hòa/);
    expect(article.lead).not.toBe(article.title);
    expect(article.byline).toBe('Hồng Nhung');
    expect(article.published).toBe('2025-10-16T09:12');
    expect(article.text.split('\n')[0]).toBe(article.lead);
  });

  it('mojoPortal leftovers ("Cỡ chữ", "Tương phản:", a lone "|", "16/10/2024 | Đã xem 532") are not paragraphs', async () => {
    const { article } = await extracted('mojoportal-leftovers');
    const lines = article.text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Sáng 15\/10, Công an thị xã Bình Minh/);
    expect(lines[2]).toMatch(/^Dịp này, đơn vị tặng 30 bình chữa cháy/);
    for (const gone of ['Cỡ chữ', 'Tương phản', 'Đã xem', '|', 'A+']) expect(article.text).not.toContain(gone);
    expect(article.published).toBe('2024-10-16');
  });

  it('an article set straight in a table cell, its paragraphs split by <br><br>, is the cell: not the row with the menu beside it', async () => {
    const { doc, x, article } = await extracted('br-paragraphs');
    expect(article.title).toBe('Phường Tân Thuận ra quân dọn vệ sinh kênh rạch trước mùa mưa');
    const lines = article.text.split('\n');
    expect(lines[0]).toMatch(/^Sáng 13\/4, Ủy ban nhân dân phường Tân Thuận/);
    expect(lines.at(-1)).toBe('Dịp này, phường cũng phát năm trăm túi đựng rác phân loại tại nguồn cho các hộ dân sống dọc tuyến kênh.');
    expect(lines).toHaveLength(4);
    for (const gone of ['Trang thông tin điện tử phường', 'bộ phận một cửa', 'Thủ tục hành chính', 'Bản quyền']) expect(article.text).not.toContain(gone);
    // Each <br><br> paragraph is a paragraph of the clean copy: no blank lines of large type at 200 %, and
    // read-aloud moves from one to the next. The date line taken out of the cell leaves no empty line above.
    const paras = [...article.content.querySelectorAll('p')];
    expect(paras.map((p) => p.textContent!.trim())).toEqual(lines);
    expect(article.content.querySelector('br')).toBeNull();
    // Read-aloud reads and skips block by block: one block per paragraph.
    expect(readingBlocks(article.content).map((b) => b.text)).toEqual(lines);
    expect(x.findArticle(doc)!.article.body.closest('.menutrai')).toBeNull();
    expect(x.findArticle(doc)!.article.body.contains(doc.querySelector('.menutrai'))).toBe(false);
  });

  it('a <p> broken by <br><br> is a part of the article, not the article: the opening paragraph before it is kept', async () => {
    const { article } = await extracted('br-in-paragraph');
    const lines = article.text.split('\n');
    expect(lines[0]).toBe('Từ đầu tháng Mười Một, Thư viện tỉnh mở góc đọc dành riêng cho người cao tuổi ở tầng trệt, với hơn hai nghìn đầu sách in chữ lớn.');
    expect(lines.at(-1)).toMatch(/Giờ mở cửa từ bảy giờ rưỡi sáng đến năm giờ chiều, kể cả ngày thứ Bảy\.$/);
    expect(article.text).toContain('Mỗi sáng thứ Ba và thứ Năm');
    for (const gone of ['Chia sẻ', 'Bình luận', 'Từ khóa']) expect(article.text).not.toContain(gone);
    // The <p> that held three <br><br> paragraphs is four paragraphs of the clean copy.
    expect([...article.content.querySelectorAll('p')].map((p) => p.textContent!.trim().slice(0, 12))).toEqual(['Từ đầu tháng', 'Góc đọc có đ', 'Mỗi sáng thứ', 'Thư viện cũn', 'Giờ mở cửa t']);
  });

  it('a lead named "abstract" beside a body of <br><br> paragraphs is the lead', async () => {
    const { article } = await extracted('abstract-lead');
    expect(article.lead).toMatch(/^LONG ĐIỀN - Từ tháng Năm, ba trăm hộ dân/);
    const lines = article.text.split('\n');
    expect(lines[0]).toBe(article.lead);
    expect(lines[1]).toMatch(/^Công trình do Trung tâm Nước sạch tỉnh đầu tư/);
    expect(lines).toHaveLength(5);
    expect(article.text).not.toContain('Tin mới');
  });

  it('program code printed as text (an inline script ended early by the "</script>" in its own string) is never prose', async () => {
    const { doc, x, article } = await extracted('code-as-text');
    expect(article.title).toBe('Xã Hòa Phú khánh thành cầu dân sinh qua sông Cái');
    expect(article.text).toBe(paragraphs(page('code-as-text'), '.news-body'));
    // The code is on the page as text, as the browser parsed it.
    expect(doc.body.textContent).toContain('function ietruebody()');
    expect(x.findArticle(doc)!.article.body.closest('.news-detail')).not.toBeNull();
  });

  it('a comment thread in a box named in camelCase (<div id="commentsDiv">) is never the article', async () => {
    const { doc, x, article } = await extracted('camelcase-comments');
    expect(article.text).toBe(paragraphs(page('camelcase-comments'), '#articleText'));
    for (const gone of ['Ý kiến bạn đọc', 'Nguyễn Văn Hùng', 'Phạm Thu']) expect(article.text).not.toContain(gone);
    expect(x.findArticle(doc)!.article.body.closest('#commentsDiv')).toBeNull();
  });

  it("a list of other stories, each a linked <dt> headline and a <dd> excerpt, does not make the column around it the article", async () => {
    const { doc, x, article } = await extracted('teaser-excerpts');
    expect(article.title).toBe('Bệnh viện huyện mở phòng khám lão khoa');
    expect(article.text).toBe(paragraphs(page('teaser-excerpts'), '#storybody'));
    for (const gone of ['Thời sự', 'diễn tập', 'Hơn năm trăm người', 'nhà tình nghĩa']) expect(article.text).not.toContain(gone);
    expect(x.findArticle(doc)!.article.body.contains(doc.querySelector('#storylineupfooter'))).toBe(false);
  });

  it('an article inside a <form> (a WebForms page posting back to itself) is the article; the search and comment forms stay out', async () => {
    const { article } = await extracted('form-wrapped');
    const html = page('form-wrapped');
    const body = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('#PageForm > p:not([class])')].map((p) => p.textContent!.trim());
    expect(body).toHaveLength(4);
    expect(article.title).toBe('Phường Phú Hòa khánh thành nhà văn hóa khu phố 4');
    expect(article.published).toBe('2005-03-15T08:30');
    expect(article.text).toBe(body.join('\n'));
    for (const gone of ['Tìm', 'Gửi ý kiến', 'Họ tên', 'Bản in', 'Lịch tiếp công dân']) expect(article.text).not.toContain(gone);
  });

  it('a paragraph written over several source lines is one line of text, a date inside it too; a <pre> keeps its lines', async () => {
    const { article } = await extracted('source-lines');
    const doc = new DOMParser().parseFromString(page('source-lines'), 'text/html');
    const paragraphs = [...doc.querySelectorAll('.noidung p:not(.ngay)')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
    expect(paragraphs).toHaveLength(3);
    expect(article.text.split('\n')).toEqual([...paragraphs, 'Mùa đông năm nay lạnh lắm,', 'Phường mình lo trước cho ông bà.']);
    expect(article.text).toContain('Hạn cuối nộp hồ sơ là ngày 15/01/2025 tại bộ phận một cửa');
    expect(article.published).toBe('2024-12-02');
  });

  it('lists of links to other stories inside the text go with their titles; a table of contents, links inside sentences and attached files stay', async () => {
    const { article } = await extracted('link-lists');
    const doc = new DOMParser().parseFromString(page('link-lists'), 'text/html');
    const lines = (selector: string) => [...doc.querySelectorAll(selector)].map((el) => el.textContent!.replace(/\s+/g, ' ').trim());
    const [toc, headings, paragraphs, steps, files] = ['.toc li', '.entry-content h2', '.entry-content p:not(.topics-title)', '.steps li', '.attachments li'].map(lines);
    expect([toc, headings, steps, files].map((l) => l.length)).toEqual([3, 3, 3, 3]);
    expect(article.text.split('\n')).toEqual([...toc, headings[0], paragraphs[0], paragraphs[1], headings[1], paragraphs[2], headings[2], paragraphs[3], ...steps, paragraphs[4], ...files]);
    for (const gone of ['Dòng sự kiện', 'Phê duyệt dự án', 'Xem tất cả', 'Cùng chủ đề', 'Cầu Đại Ngãi', 'Chủ đề', 'cầu Rạch Miễu 3\ngiao thông']) expect(article.text).not.toContain(gone);
  });

  it('an article inside a same-origin iframe (srcdoc) is found, and retrofit() scales, themes and undoes inside the frame', async () => {
    const { doc, x } = await openReaderPage(page('iframe-article'));
    const inner = doc.querySelector('iframe')!.contentDocument!;
    const article = x.extract(doc)!;
    expect(article.title).toBe('Xã Vĩnh Thạnh trao 25 căn nhà đại đoàn kết cho hộ nghèo');
    expect(article.text).toBe([...inner.querySelectorAll('.nd p')].slice(0, 3).map((el) => el.textContent).join('\n'));
    expect(article.byline).toBe('Ngọc Diệp');
    expect(article.published).toBe('2025-09-20');

    const before = inner.documentElement.outerHTML;
    const outerBefore = doc.documentElement.outerHTML;
    const p = inner.querySelector('.nd p')!;
    const px = fontPx(p);
    const session = x.retrofit(doc, { fontScale: 2, contrast: 'high' });
    expect(session.active).toBe(true);
    expect(session.article?.title).toBe(article.title);
    expect(session.article?.root.ownerDocument).toBe(inner);
    expect(inner.documentElement.getAttribute('data-ar-theme')).toBe('high');
    await expect.poll(() => fontPx(p)).toBeCloseTo(px * 2, 1);
    await frame(inner.defaultView!);
    session.undo();
    expect(inner.documentElement.outerHTML).toBe(before);
    expect(doc.documentElement.outerHTML).toBe(outerBefore);
  });
});
