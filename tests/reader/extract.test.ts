import { describe, expect, it, vi } from 'vitest';
import { CORPUS } from './corpus';
import { openReaderPage, sleep } from './support';

const page = (name: string) => CORPUS.find((c) => c.name === name)!.html;
const ALLOWED = new Set(
  'article p h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre figure figcaption hr table caption thead tbody tfoot tr th td strong b em i u s sub sup br code mark small q cite abbr a img'.split(' '),
);
const ATTRS: Record<string, string[]> = { a: ['href'], img: ['src', 'alt', 'width', 'height'], ol: ['start', 'reversed'], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'], abbr: ['title'] };

const HOSTILE = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin thử - Trang thử</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></nav>
<article class="news" id="main-article" itemscope itemtype="http://schema.org/NewsArticle">
  <h1 itemprop="headline">Phường tổ chức ngày hội an toàn giao thông cho người cao tuổi</h1>
  <div itemprop="articleBody">
    <p onclick="window.__clicked=1" style="color:#999;font-size:11px" class="x" id="first" data-track="1">Sáng nay, Ủy ban nhân dân phường tổ chức ngày hội an toàn giao thông dành cho người cao tuổi, với nhiều hoạt động thiết thực và bổ ích cho bà con trong phường.
      <a href="javascript:window.__js=1">liên kết script</a> <a href="https://example.org/bai-viet" onclick="window.__clicked=1" target="_blank">liên kết ngoài</a> <a href="/tin/123">liên kết trong</a>
      <a href="data:text/html,<script>alert(1)</script>">liên kết dữ liệu</a> <a href="#muc-2">mục hai</a></p>
    <p><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" onerror="window.__img=1" alt="ảnh nhúng"> <img src="https://example.org/anh.jpg" alt="Người cao tuổi tham gia ngày hội" width="600" height="400" onload="window.__img=1" style="border:9px solid red">
      <img data-src="https://example.org/lazy.jpg" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt="Ảnh tải sau"> <img src="https://example.org/icon.png" width="16" height="16" alt="biểu tượng"></p>
    <script>window.__ran = (window.__ran || 0) + 1;</script>
    <style>p { color: red }</style>
    <iframe src="https://example.org/embed"></iframe>
    <svg onload="window.__svg=1"><text>chữ trong svg</text></svg>
    <form action="/gui"><input name="q" value="ô nhập"><button>Gửi đi</button></form>
    <p>Các đội tham gia đã thi tìm hiểu luật giao thông, thực hành đi bộ qua đường an toàn và được hướng dẫn sử dụng ứng dụng gọi xe trên điện thoại thông minh để đi lại thuận tiện hơn.</p>
    <p hidden>Đoạn ẩn không được đọc.</p>
    <p style="display:none">Đoạn ẩn bằng kiểu.</p>
    <p>Ban tổ chức đã trao 20 phần quà cho các cụ có thành tích cao; hội thi sẽ được tổ chức thường niên vào tháng 11 hằng năm.</p>
  </div>
</article>
<footer>Địa chỉ: 1 đường Trần Phú. Lượt truy cập: 1.234</footer>
</body></html>`;

describe('extract(): a clean, detached copy of the article', () => {
  it('keeps only allowed elements and attributes, safe links and images; runs nothing', async () => {
    const { doc, win, x } = await openReaderPage(HOSTILE);
    const w = win as unknown as Record<string, unknown>;
    Object.assign(w, { __img: 0, __svg: 0, __js: 0, __clicked: 0 });
    const ran = w.__ran;
    const a = x.extract(doc)!;
    expect(a).not.toBeNull();
    expect(a.content.isConnected).toBe(false);
    expect(a.content.ownerDocument).not.toBe(doc);
    expect(a.content.localName).toBe('article');
    for (const el of [a.content, ...a.content.querySelectorAll('*')]) {
      expect(ALLOWED.has(el.localName), el.localName).toBe(true);
      for (const attr of el.getAttributeNames()) expect([...(ATTRS[el.localName] ?? []), 'lang', 'dir'], `${el.localName}[${attr}]`).toContain(attr);
    }
    const hrefs = [...a.content.querySelectorAll('a')].map((l) => l.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org/bai-viet', new URL('/tin/123', doc.baseURI).href]);
    expect([...a.content.querySelectorAll('img')].map((i) => [i.getAttribute('src'), i.getAttribute('alt')])).toEqual([
      ['https://example.org/anh.jpg', 'Người cao tuổi tham gia ngày hội'],
      ['https://example.org/lazy.jpg', 'Ảnh tải sau'],
    ]);
    // Link text stays as text; hidden paragraphs, scripts, forms and svg are gone.
    expect(a.text).toContain('liên kết script');
    expect(a.text).toContain('mục hai');
    for (const gone of ['Đoạn ẩn', 'chữ trong svg', 'ô nhập', 'Gửi đi', 'window.__ran', 'color: red', 'Trang chủ', 'Lượt truy cập']) expect(a.text).not.toContain(gone);
    await sleep(100);
    expect([w.__img, w.__svg, w.__js, w.__clicked, w.__ran]).toEqual([0, 0, 0, 0, ran]);
  });

  it('returns title, date, byline, lead and text in reading order on every sample', async () => {
    const { doc, x } = await openReaderPage(page('nukeviet'));
    const a = x.extract(doc)!;
    expect(a.platform).toBe('nukeviet');
    expect(a.source).toBe('Đảng ủy phường');
    // The picture between the title and the body comes first, with its caption; then the paragraphs.
    const first = a.content.firstElementChild!;
    expect(first.localName).toBe('figure');
    expect(first.querySelector('figcaption')!.textContent).toBe('Quang cảnh Hội nghị');
    const lines = a.text.split('\n');
    expect(lines[0]).toBe(a.lead);
    expect(lines.at(-1)).toMatch(/^Hội nghị đã thảo luận/);
    expect(a.text).not.toContain(a.title);
  });

  it('takes the first lead-named box before the prose as the lead, however many such boxes the text has', async () => {
    // CSS modules name boxes `_summary_<hash>`: one news page had 94 in its text. Only one before any paragraph of
    // prose is the lead; the paragraph around it (its wrapper) does not count as prose before it.
    const para = (i: number) => `<p>Đoạn ${i}: Ủy ban nhân dân phường đã họp bàn kế hoạch chăm lo cho người cao tuổi trong dịp cuối năm, với nhiều việc làm cụ thể.</p>`;
    const card = (i: number) => `<div class="_card_1doy9_7"><div class="_summary_1doy9_21">Tóm tắt thẻ ${i}: một dòng giới thiệu ngắn của thẻ.</div>${para(100 + i)}</div>`;
    const html = (lead: boolean) => `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin</title></head><body><main><article>
      <h1>Phường chăm lo cho người cao tuổi dịp cuối năm</h1>
      <div class="_body_1doy9_3"><div class="_wrap_1doy9_5">${lead ? '<div class="_summary_1doy9_21">Phường dành 200 suất quà cho các cụ có hoàn cảnh khó khăn.</div>' : ''}${para(1)}${para(2)}</div>
      ${Array.from({ length: 30 }, (_, i) => card(i)).join('')}</div></article></main></body></html>`;
    for (const lead of [true, false]) {
      const { doc, x } = await openReaderPage(html(lead));
      const a = x.extract(doc)!;
      expect(a.lead).toBe(lead ? 'Phường dành 200 suất quà cho các cụ có hoàn cảnh khó khăn.' : '');
      expect(a.text).toContain('Tóm tắt thẻ 29: một dòng giới thiệu ngắn của thẻ.');
    }
  });

  it('keeps tables, lists, headings, quotes and figures with their alt text', async () => {
    const province = await openReaderPage(page('province-tables'));
    const table = province.x.extract(province.doc)!.content.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).toBe('Thu ngân sách 9 tháng năm 2025 theo địa phương (tỷ đồng)');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Địa phương', 'Dự toán', 'Thực hiện', 'Tỷ lệ']);
    expect(table.querySelectorAll('tr')).toHaveLength(5);

    const ministry = await openReaderPage(page('ministry-lists'));
    const m = ministry.x.extract(ministry.doc)!.content;
    expect([...m.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Các biện pháp phòng bệnh tại gia đình', 'Khi nào cần đến cơ sở y tế']);
    expect(m.querySelectorAll('ol > li')).toHaveLength(4);
    expect(m.querySelectorAll('ul > li')).toHaveLength(3);

    const wp = await openReaderPage(page('wordpress-theme'));
    const w = wp.x.extract(wp.doc)!.content;
    const figure = w.querySelector('figure')!;
    expect(figure.querySelector('img')!.getAttribute('alt')).toBe('Người dân đi trên cầu mới thôn Hạ');
    expect(figure.querySelector('figcaption')!.textContent).toBe('Người dân thôn Hạ đi trên cây cầu mới trong ngày khánh thành');
    expect(w.querySelector('blockquote cite')!.textContent).toBe('Ông Nguyễn Văn Tư, 72 tuổi, thôn Hạ');

    const amp = await openReaderPage(page('amp-mobile'));
    const img = amp.x.extract(amp.doc)!.content.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://baohoabinh.example.vn/images/2025/10/cam-cao-phong.jpg');
    expect(img.getAttribute('alt')).toBe('Nông dân thu hoạch cam');
  });

  it('falls back to Readability when the adapter finds something too short, and only then', async () => {
    const { doc, x } = await openReaderPage(page('nukeviet-attachment'));
    // The fallback runs only within the wall-clock limit, which a loaded machine can eat; the time limit has its own test.
    expect(x.extract(doc, { timeLimit: 60_000 })!.platform).toBe('readability');
    const without = x.extract(doc, { readability: null })!;
    expect(without.platform).toBe('nukeviet');
    expect(without.text).toBe('Tải về kế hoạch');
    const vhv = await openReaderPage(page('vhv'));
    const spy = vi.fn(function (this: unknown) {
      return { parse: () => null };
    });
    expect(vhv.x.extract(vhv.doc, { readability: spy as never })!.platform).toBe('vhv');
    expect(spy).not.toHaveBeenCalled();
  });

  it('stays within its time limit and element cap, returning what it has and why', async () => {
    const { doc, x } = await openReaderPage(page('large-nukeviet'));
    const full = x.extract(doc, { timeLimit: 60_000 })!;
    // A limit already spent when the work starts: cut at the first check (every 128 elements), whatever the machine.
    const timed = x.tryExtract(doc, { timeLimit: 0.01 });
    expect(timed.truncated ?? timed.reason).toBe('timeout');
    if (timed.article) expect(timed.article.text.length).toBeLessThan(full.text.length);
    const capped = x.tryExtract(doc, { maxElements: 120 });
    expect(capped.truncated ?? capped.reason).toBe('too-large');
    if (capped.article) expect(capped.article.text.length).toBeLessThan(full.text.length);
    // Bad limits are ignored: the defaults apply. A time limit of -1 taken as given would cut at the first check
    // (300 paragraphs are past it); the default 200 ms is far more than this work.
    const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>Đoạn thứ ${i + 1} của bản tin phường.</p>`).join('');
    const small = await openReaderPage(`<!DOCTYPE html><html lang="vi"><head><title>Tin</title></head><body><article><h1>Bản tin phường</h1>${paragraphs}</article></body></html>`);
    const whole = small.x.tryExtract(small.doc, { timeLimit: 60_000 });
    const bad = small.x.tryExtract(small.doc, { timeLimit: -1, maxElements: Number.NaN });
    expect(bad.truncated ?? bad.reason).toBeUndefined();
    expect(bad.article!.text).toBe(whole.article!.text);
  });

  it('says why there is no article, and never throws', async () => {
    const { doc, x } = await openReaderPage('<!DOCTYPE html><html lang="vi"><head><title>Trang chủ</title></head><body><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav><p>Xin chào.</p></body></html>');
    expect(x.tryExtract(doc)).toEqual({ article: null, reason: 'no-article' });
    expect(x.tryExtract(null as unknown as Document)).toEqual({ article: null, reason: 'no-document' });
    expect(x.extract({} as Document)).toBeNull();
  });

  it('does not change the page it reads', async () => {
    for (const name of ['vhv', 'sidebar-first', 'nukeviet-attachment']) {
      const { doc, x } = await openReaderPage(page(name));
      const before = doc.documentElement.outerHTML;
      x.extract(doc);
      expect(doc.documentElement.outerHTML).toBe(before);
    }
  });
});
