import { describe, expect, it } from 'vitest';
import { contrastRatio, drawnContrast, parseColor, textColor, drawnBackground } from './support/contrast';
import { describe as name, frame, openPage, textElements } from './support/page';
import { ALL } from './pages';

const THEMES = ['high', 'dark', 'yellow'] as const;

describe('contrast themes', () => {
  for (const c of ALL) {
    it(`${c.name}: every article text is at least 7:1 on the background it is drawn on, in each theme`, async () => {
      const { doc, engine, win } = await openPage(c.html);
      const session = engine.retrofit(doc, {});
      const root = session.article!.root;
      const before = textElements(root).filter((el) => drawnContrast(el) < 7);
      // The samples' own colours fail (grey #777 captions and dates on white): the themes have work to do.
      if (c.name === 'vhv' || c.name === 'important') expect(before.length).toBeGreaterThan(0);
      for (const theme of THEMES) {
        session.update({ contrast: theme });
        await frame(win);
        const texts = textElements(root);
        expect(texts.length).toBeGreaterThan(3);
        const low = texts.filter((el) => drawnContrast(el) < 7).map((el) => `${name(el)} ${drawnContrast(el).toFixed(2)}`);
        expect(low, theme).toEqual([]);
        // Links: underlined, a colour of their own, and 7:1 too.
        for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
          if (!a.getClientRects().length || !a.textContent!.trim()) continue;
          expect(win.getComputedStyle(a).textDecorationLine).toContain('underline');
          expect(textColor(a)).not.toEqual(textColor(root));
        }
        // Pictures keep their pixels: no filter on them or above them.
        for (const img of root.querySelectorAll('img')) {
          for (let el: Element | null = img; el; el = el.parentElement) expect(win.getComputedStyle(el).filter).toBe('none');
        }
      }
      session.update({ contrast: 'off' });
      await frame(win);
      // Off: the page's own colours again (the same elements fail as before, if any did).
      expect(textElements(root).filter((el) => drawnContrast(el) < 7).length).toBe(before.length);
      session.undo();
    });
  }

  it('focus outlines stay visible (3px, at least 3:1) in each theme', async () => {
    const { doc, engine, win } = await openPage(ALL[1]!.html);
    const session = engine.retrofit(doc, {});
    const link = doc.querySelector<HTMLAnchorElement>('.other-news a[href]')!;
    for (const theme of THEMES) {
      session.update({ contrast: theme });
      link.focus({ focusVisible: true } as FocusOptions);
      await frame(win);
      const cs = win.getComputedStyle(link);
      expect(cs.outlineStyle).toBe('solid');
      expect(parseFloat(cs.outlineWidth)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(parseColor(cs.outlineColor)!, drawnBackground(link)!)).toBeGreaterThanOrEqual(3);
    }
    session.undo();
  });
});
