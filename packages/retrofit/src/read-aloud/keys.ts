/**
 * The player's keys, shown in the bar: Space reads and pauses, ← and → go to the previous and next sentence,
 * Esc stops. They work wherever focus is on the page or in the view, except in text fields and lists; Space on
 * a focused button or link keeps doing what it does there.
 */
import { h } from '../ui/h.js';
import type { PlayerPart } from './player.js';

const strings = {
  vi: { keys: 'Phím tắt', space: 'Phím cách', play: 'đọc, tạm dừng', skip: 'câu trước, câu sau', stop: 'dừng' },
  en: { keys: 'Keys', space: 'Space', play: 'read, pause', skip: 'previous, next sentence', stop: 'stop' },
} as const;

const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
const ACTIVATES = 'button, a[href], summary, [role="button"], [role="link"]';

export const keys: PlayerPart = ({ doc, lang, speaker, el, toggle, buttons }) => {
  const t = strings[lang];
  const kbd = (k: string) => h(doc, 'kbd', {}, k);
  buttons.main.setAttribute('aria-keyshortcuts', 'Space');
  buttons.stop.setAttribute('aria-keyshortcuts', 'Escape');
  buttons.previous.setAttribute('aria-keyshortcuts', 'ArrowLeft');
  buttons.next.setAttribute('aria-keyshortcuts', 'ArrowRight');
  let connected = false;
  const onKey = (e: KeyboardEvent) => {
    // The listener leaves with the player: the bar or the view was closed.
    if (!el.isConnected) {
      if (connected) doc.removeEventListener('keydown', onKey, true);
      return;
    }
    connected = true;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
    const target = e.composedPath()[0] as Element | undefined;
    if (target?.closest?.(TYPING)) return;
    if (e.key === ' ' && !target?.closest?.(ACTIVATES)) toggle();
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') speaker.skip(e.key === 'ArrowLeft' ? -1 : 1);
    // Esc stops reading; when nothing is being read it is left to the view or the bar (which close).
    else if (e.key === 'Escape' && speaker.state !== 'idle' && speaker.state !== 'done') speaker.stop();
    else return;
    e.preventDefault();
  };
  // Captured on the document: the page's and the view's own handlers see the key after the player.
  doc.addEventListener('keydown', onKey, true);
  return { el: h(doc, 'p', { class: 'keys' }, `${t.keys}: `, kbd(t.space), ` ${t.play} · `, kbd('←'), ' ', kbd('→'), ` ${t.skip} · `, kbd('Esc'), ` ${t.stop}`) };
};
