// Pages for the benchmark: generated portal-like pages of a given element count, and the three sample pages.
import { readFileSync } from 'node:fs';

const WORDS = 'Ủy ban nhân dân phường tổ chức hội nghị triển khai kế hoạch chuyển đổi số, hỗ trợ người cao tuổi sử dụng dịch vụ công trực tuyến tại khu dân cư'.split(' ');
const sentence = (n, i) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');

/**
 * The portal's own stylesheet, like the Bootstrap 3 theme these portals load (about 2,000 rules in
 * bootstrap.min.css): here about 700 rules, mostly class selectors that match nothing on the page, with
 * colours, backgrounds and borders, a few descendant selectors and media queries.
 */
function siteCss() {
  const greys = ['#333', '#555', '#666', '#777', '#888', '#999', '#aaa', '#ccc', '#ddd', '#e5e5e5', '#eee', '#f5f5f5'];
  const g = (i) => greys[i % greys.length];
  const names = ['btn', 'label', 'badge', 'alert', 'panel', 'nav', 'navbar', 'list-group-item', 'table', 'form-control', 'pagination', 'breadcrumb', 'well', 'thumbnail', 'media', 'dropdown-menu', 'tab', 'modal', 'tooltip', 'popover'];
  const kinds = ['default', 'primary', 'success', 'info', 'warning', 'danger', 'link', 'muted', 'inverse', 'light', 'dark', 'sm', 'lg', 'xs', 'block'];
  const rules = [];
  for (let i = 0; i < 12; i++) rules.push(`.col-xs-${i + 1},.col-sm-${i + 1},.col-md-${i + 1},.col-lg-${i + 1}{position:relative;min-height:1px;padding-right:15px;padding-left:15px;width:${(((i + 1) / 12) * 100).toFixed(4)}%}`);
  names.forEach((n, a) =>
    kinds.forEach((k, b) => {
      const i = a * kinds.length + b;
      rules.push(`.${n}-${k}{color:${g(i)};background-color:${g(i + 5)};border-color:${g(i + 7)}}`);
      rules.push(`.${n}-${k}:hover,.${n}-${k}:focus{color:${g(i + 1)};background-color:${g(i + 6)}}`);
    }),
  );
  for (let i = 0; i < 60; i++) rules.push(`.module-${i} .title a,.module-${i} .block-title{color:${g(i)};font-size:${11 + (i % 5)}px;border-bottom:1px solid ${g(i + 3)}}`);
  rules.push('.panel{background:#e5e5e5;border:1px solid #ddd}.panel-title{color:#8c8c8c}.menu li a{color:#888}.cell a:hover{color:#555}');
  const media = (w, body) => `@media (max-width:${w}px){${body}}`;
  return [...rules, media(991, rules.slice(0, 40).join('')), media(767, rules.slice(40, 80).join(''))].join('\n');
}

/**
 * A government-portal-like page of about `elements` elements, shaped like the real ones: a fixed-width
 * layout of nested divs, px font sizes (some `!important`, some inline `!important`), grey text on grey
 * boxes (about 3:1), a menu, an article of paragraphs with links, side panels of link lists, a big footer.
 * About 30 % of the elements are in the article, 45 % in side panels, the rest in menu and footer; the site's
 * stylesheet (siteCss) is in <head>.
 */
export function generatePage(elements) {
  const paragraphs = Math.max(10, Math.round((elements * 0.3) / 5));
  const panels = Math.max(2, Math.round((elements * 0.45) / 29));
  const menu = Math.max(10, Math.round((elements * 0.1) / 2));
  const cells = Math.max(10, Math.round((elements * 0.15 - 40) / 2));
  const para = (i) => {
    // Every 7th paragraph carries inline !important sizes and colours, as portal editors paste them.
    const forced = i % 7 === 3 ? ' style="color:#8a8a8a !important;font-size:13px !important;background-color:#ececec"' : '';
    return `<p${forced}><span style="font-size:14px">${sentence(24, i)}, <strong>${sentence(4, i + 1)}</strong> <a href="/tin-tuc/bai-${i}.html">${sentence(3, i + 2)}</a> <em>${sentence(3, i + 3)}</em>.</span></p>`;
  };
  const panel = (i) =>
    `<div class="panel"><div class="panel-head"><div class="panel-title">${i % 10 === 0 ? 'Thống kê truy cập' : i % 10 === 1 ? 'Văn bản mới' : `Chuyên mục ${i}`}</div></div><div class="panel-body"><ul>${Array.from(
      { length: 8 },
      (_, k) => `<li><div class="item"><a href="/van-ban/${i}-${k}.html">${sentence(6, i + k)}</a></div></li>`,
    ).join('')}</ul></div></div>`;
  const html = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết thử - Cổng thông tin điện tử</title><style>${siteCss()}</style><style>
body{margin:0;font:13px/18px Arial,sans-serif;color:#666;background:#f2f2f2}
.wrap{width:1180px;margin:0 auto;background:#fafafa}.head{height:80px;background:#a00;color:#fff;font-size:26px}
.menu{height:36px;overflow:hidden;background:#ddd;margin:0;padding:0}.menu li{display:inline-block;font-size:12px;color:#999}
.menu a{color:#888;text-decoration:none}
.main{float:left;width:860px}.side{float:right;width:300px;font-size:12px !important;color:#999}
.news-detail h1{font-size:22px;line-height:26px;color:#444}.news-detail p{font-size:13px!important;line-height:18px;color:#777}
.news-detail .date{color:#aaa;font-size:11px}.news-detail a{color:#5a7fa8}
.panel{background:#e5e5e5;margin:0 0 8px}.panel-title{height:24px;font-weight:bold;background:#d0d0d0;color:#8c8c8c}
.panel-body a{color:#7a7a7a;font-size:12px}.item{padding:2px 0}
.cell{display:inline-block;width:80px;font-size:11px;color:#aaa}.cell a{color:#999}
.foot{clear:both;background:#777;color:#aaa}
</style></head><body><div class="wrap"><div class="head"><div class="logo">Cổng thông tin điện tử phường</div></div>
<ul class="menu">${Array.from({ length: menu }, (_, i) => `<li><a href="/chuyen-muc/${i}">${sentence(2, i)}</a></li>`).join('')}</ul>
<div class="main"><div class="news-detail"><h1>Phường tổ chức hội nghị chuyển đổi số năm 2025</h1><div class="date">Ngày 12/10/2025</div>
<div class="share"><a href="#">Facebook</a> <a href="#">Zalo</a> <span>Chia sẻ</span></div>
<div class="content-detail">${Array.from({ length: paragraphs }, (_, i) => para(i)).join('\n')}<p><strong>Tin, ảnh: Mai Phương</strong></p></div></div></div>
<div class="side">${Array.from({ length: panels }, (_, i) => panel(i)).join('\n')}</div>
<div class="foot">${Array.from({ length: cells }, (_, i) => `<span class="cell"><a href="/lien-ket/${i}">${sentence(1, i)}</a></span>`).join('')}</div></div></body></html>`;
  return html;
}

const SAMPLES = [
  ['vhv', 'vhv-portal-article.html'],
  ['nukeviet', 'nukeviet45-default-news-detail.html'],
  ['sharepoint', 'sharepoint2013-mic-news-detail.html'],
];

/** `[{ name, html }]`: generated pages of `sizes` elements, then the sample pages. */
export function benchPages(sizes) {
  const pages = sizes.map((n) => ({ name: `generated-${n >= 1000 ? `${n / 1000}k` : n}`, target: n, html: generatePage(n) }));
  for (const [name, file] of SAMPLES) {
    pages.push({ name: `sample-${name}`, html: readFileSync(new URL(`../fixtures/gov-pages/${file}`, import.meta.url), 'utf8') });
  }
  return pages;
}
