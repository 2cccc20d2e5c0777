/** Read-aloud on the page itself: a bar at the bottom of the window, the sentence highlighted in the page's text. */
import { OWN } from '../dom.js';
import { extractFrom, onRequest, pageBlocks } from '../extract/extract.js';
import type { ExtractedArticle, ExtractOptions } from '../extract/types.js';
import { languages } from '../reader/lang.js';
import { h, iconButton } from '../ui/h.js';
import { BASE_CSS } from '../ui/theme.styles.js';
import { buildPlayer, PLAYER_CSS } from './player.js';
import { readAloudStrings } from './read-aloud.strings.js';
import { createSpeaker, HIGHLIGHT, HIGHLIGHT_WORD, reveal, type Speaker, type SpeakerOptions } from './speaker.js';
import type { Speech } from './voices.js';

export interface ReadAloudOptions {
  /** Language of the controls; default from the page. */
  lang?: 'vi' | 'en';
  /** Where focus goes back when the player closes; default the element that had focus. */
  invoker?: Element | null;
  /** How the article is found; its time limit defaults to 1 s here (the reader asked), not extract()'s 200 ms. */
  extract?: ExtractOptions;
  /** Speech engines; default the window's, then those of configureReadAloud(). */
  speech?: Speech | readonly Speech[];
  /** Start reading at once (default true: the reader pressed "Đọc to"). */
  autoplay?: boolean;
  /** How long a voice may take before the next one is tried (see SpeakerOptions.patience). */
  patience?: SpeakerOptions['patience'];
}

export interface ReadAloudSession {
  readonly article: ExtractedArticle;
  /** Reads, pauses, resumes, stops, skips: `speaker.play(block)` reads from a paragraph (0 = the lead). */
  readonly speaker: Speaker;
  /** The player bar's shadow root. */
  readonly root: ShadowRoot;
  /** Stops, takes the player and the highlight style off the page, and gives focus back. */
  close(): void;
}

const sessions = new WeakMap<Document, ReadAloudSession>();

/**
 * Reads the article aloud on the page itself: a player bar at the bottom of the window (in a shadow root)
 * and the sentence being read highlighted in the page's own text, without changing its layout. Only the
 * article's text is read (lead and body), never menus, counters or footers. Returns the session (the same
 * one when already open), or null when the page has no article. Never throws.
 */
export function readAloud(doc: Document, options: ReadAloudOptions = {}): ReadAloudSession | null {
  try {
    const current = sessions.get(doc);
    if (current) return current;
    const { article, reason } = extractFrom(doc, onRequest(options.extract));
    if (!article) {
      console.warn(`Accessible Reader: no article (${reason}).`);
      return null;
    }
    const win = doc.defaultView!;
    const invoker = options.invoker ?? doc.activeElement;
    const blocks = pageBlocks(article);
    const { ui, text } = languages(doc, article.title, options.lang, blocks[0]?.el);
    const host = h(doc, 'div', {
      [OWN]: '',
      'data-ar-read-aloud': '',
      lang: ui,
      style: 'position:fixed!important;inset:auto 0 0!important;z-index:2147483646!important;display:block!important;margin:0!important',
    });
    const root = host.attachShadow({ mode: 'open' });
    // The highlight is painted in the page's own text, so its style is the page's; the space the bar covers
    // is kept clear when a sentence is scrolled into view.
    const pageStyle = h(doc, 'style', { [OWN]: '' }, `::highlight(${HIGHLIGHT}){background-color:#ffd966;color:#000}::highlight(${HIGHLIGHT_WORD}){background-color:#f0b400;color:#000;text-decoration:underline 2px}html{scroll-padding-bottom:9rem!important}`);
    let refresh = () => {};
    const speaker = createSpeaker(win, { blocks, lang: text || ui, speech: options.speech, patience: options.patience, onChange: () => refresh() }, (range) =>
      reveal(range, null, 0, host.getBoundingClientRect().height),
    );
    const player = buildPlayer(doc, ui, speaker, text || ui);
    refresh = player.update;
    const session: ReadAloudSession = {
      article,
      speaker,
      root,
      close() {
        if (sessions.get(doc) !== session) return;
        sessions.delete(doc);
        doc.removeEventListener('click', choose);
        speaker.dispose();
        host.remove();
        pageStyle.remove();
        if ((invoker as HTMLElement | null)?.isConnected) (invoker as HTMLElement).focus({ preventScroll: true });
      },
    };
    player.el.lastElementChild!.before(iconButton(doc, 'close', readAloudStrings[ui].close, session.close, { class: 'close' }));
    root.append(
      h(doc, 'style', {}, `${BASE_CSS}${PLAYER_CSS}.bar{font-size:18px;padding:.5em 1em;border-top:3px solid;box-shadow:0 -2px 8px #0005}.close{margin-inline-start:auto}`),
      h(doc, 'div', { class: 'bar theme t-high' }, player.el),
    );
    // Clicking a paragraph of the article chooses where reading goes on (or starts).
    const choose = (e: Event) => {
      const target = e.target as Element;
      const i = blocks.findLastIndex((b) => b.el.contains(target));
      if (i >= 0 && !target.closest('a, button')) speaker.moveTo(i);
    };
    doc.addEventListener('click', choose);
    // Esc stops reading first (the player's keys), then closes the bar.
    root.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Escape' && !e.defaultPrevented && session.close());
    sessions.set(doc, session);
    (doc.head ?? doc.documentElement).append(pageStyle);
    doc.body.append(host);
    player.main.focus();
    if (options.autoplay !== false) void speaker.play(0);
    return session;
  } catch (error) {
    console.error('Accessible Reader: read-aloud failed.', error);
    return null;
  }
}

/** The read-aloud session on `doc`, if any. */
export const readAloudOf = (doc: Document): ReadAloudSession | undefined => sessions.get(doc);
