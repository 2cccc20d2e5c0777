// Blank lines made paragraphs: what splits a <p> of the clean copy and what does not.
import { describe, expect, it } from 'vitest';
import { splitAtBlankLines } from '../../packages/retrofit/src/extract/paragraphs';

function split(html: string): string {
  const doc = document.implementation.createHTMLDocument('');
  const content = doc.createElement('article');
  content.innerHTML = html;
  splitAtBlankLines(content);
  return content.innerHTML;
}

describe('splitAtBlankLines', () => {
  it('makes each run of text between two or more breaks a paragraph, keeping its attributes and inline markup', () => {
    expect(split('<p lang="vi">Một <b>đậm</b><br><br>Hai<br> <br><br>Ba</p>')).toBe('<p lang="vi">Một <b>đậm</b></p><p lang="vi">Hai</p><p lang="vi">Ba</p>');
  });

  it('leaves a single break, breaks inside inline elements and other blocks alone', () => {
    for (const html of ['<p>Số 1 Lê Lợi<br>Quận 1</p>', '<p><b>Một<br><br>Hai</b></p>', '<pre>a<br><br>b</pre>', '<li>a<br><br>b</li>']) expect(split(html)).toBe(html);
  });

  it('moves the text nodes it splits, so each still answers for its place on the page', () => {
    const doc = document.implementation.createHTMLDocument('');
    const content = doc.createElement('article');
    content.innerHTML = '<p>Một<br><br>Hai</p>';
    const two = content.querySelector('p')!.lastChild!;
    splitAtBlankLines(content);
    expect(content.querySelectorAll('p')[1]!.firstChild).toBe(two);
  });

  it('drops breaks that open or close a split paragraph but keeps a lone paragraph as it was', () => {
    expect(split('<p>Một<br><br>Hai<br><br></p>')).toBe('<p>Một</p><p>Hai</p>');
    expect(split('<p>Một<br><br></p>')).toBe('<p>Một<br><br></p>');
  });
});
