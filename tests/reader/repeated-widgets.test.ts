// Pages that repeat one widget many times (a "Share" link under every comment, "Xem thêm" under every teaser, a share
// box per paragraph, a <div> per line): the answers the widget rules give there, which their one-pass forms must keep.
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../packages/retrofit/src/adapters/index';
import { outermost } from '../../packages/retrofit/src/adapters/widgets';
import { openReaderPage } from './support';

const para = (i: number) => `<p>Đoạn ${i}: Ủy ban nhân dân phường đã họp bàn kế hoạch chăm lo cho người cao tuổi trong dịp cuối năm, với nhiều việc làm cụ thể.</p>`;
const page = (article: string, aside = '') =>
  `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin</title></head><body><main><article><h1>Phường chăm lo cho người cao tuổi</h1>${article}</article></main>${aside}</body></html>`;

describe('widget rules on repeated widgets', () => {
  it('outermost: the boxes not inside another of the list, each once, in the order given', () => {
    document.body.innerHTML = '<div id="a"><div id="b"><p id="c"></p></div></div><div id="d"></div><section id="e"><p id="f"></p></section>';
    const el = (id: string) => document.getElementById(id)!;
    expect(outermost([el('c'), el('d'), el('b'), el('a'), el('d'), el('f')]).map((e) => e.id)).toEqual(['d', 'a', 'f']);
    // Two thousand boxes inside one: the one.
    const many = Array.from({ length: 2000 }, (_, i) => `<p class="share" id="s${i}"></p>`).join('');
    document.body.innerHTML = `<div id="root">${many}</div>`;
    expect(outermost([...document.querySelectorAll('.share'), el('root')]).map((e) => e.id)).toEqual(['root']);
    expect(outermost(document.querySelectorAll('.share'))).toHaveLength(2000);
  });

  it('a "Share" link under each of 300 comments is not a share bar; one short labelled bar is', async () => {
    const comments = Array.from({ length: 300 }, (_, i) => `<li><p>Bình luận ${i} của bạn đọc về bài viết.</p><a href="#s">Chia sẻ</a></li>`).join('');
    const { doc } = await openReaderPage(page(`${para(1)}${para(2)}${para(3)}`, `<div class="binh-luan"><ul>${comments}</ul></div><div id="bar"><span>Chia sẻ</span> <a href="https://facebook.com/x">f</a></div>`));
    const found = findArticle(doc)!;
    const clutter = found.widgets.clutter;
    expect(clutter).toContain(doc.getElementById('bar'));
    expect(clutter.some((c) => c.querySelector('ul li'))).toBe(false);
  });

  it('"Tin liên quan" with no links of its own is an empty related box, however many titles share a box', async () => {
    // The box title is itself a link: its own link does not count as the box's list.
    const empty = `<div class="box" id="empty"><a href="#">Tin liên quan</a></div>`;
    const teasers = Array.from({ length: 200 }, (_, i) => `<p><a href="/tin/${i}">Tin số ${i} của phường về người cao tuổi</a> <span>Xem thêm</span></p>`).join('');
    const { doc } = await openReaderPage(page(`${para(1)}${para(2)}${para(3)}`, `<section class="box" id="list">${teasers}</section>${empty}`));
    const { widgets } = findArticle(doc)!;
    expect(widgets.related).toBe(doc.getElementById('empty'));
    expect(widgets.keep).toContain(doc.getElementById('list'));
  });

  it('a caption made of 400 <div> lines reads as 400 lines, none run together', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `<div>Dòng ${i}</div>`).join('');
    const { doc, x } = await openReaderPage(page(`${para(1)}<figure><img src="/a.jpg" width="600" height="400" alt="Ảnh"><figcaption>${lines}</figcaption></figure>${para(2)}${para(3)}`));
    const text = x.extract(doc)!.text;
    expect(text).toContain('Dòng 0\nDòng 1\nDòng 2');
    expect(text).toContain('Dòng 398\nDòng 399');
  });
});
