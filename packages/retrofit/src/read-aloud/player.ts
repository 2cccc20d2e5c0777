import { h, iconButton } from '../reader/h.js';
import type { Speaker } from './speaker.js';
import { readAloudStrings } from './read-aloud.strings.js';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

/** Styles of the player, for the shadow root it is put in (colours come from the host's custom properties). */
export const PLAYER_CSS = `
.player{display:flex;flex-wrap:wrap;align-items:center;gap:.5em .75em}
.player .status{flex:1 1 10em;margin:0;min-height:1.5em}
.player .problem{max-width:60em;font-weight:700}
.player label{display:inline-flex;align-items:center;gap:.4em}
@media (max-width:30em){.player .skip span+span{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}}
`;

/**
 * The read-aloud controls: one button that reads, pauses and resumes (its label says what it will do),
 * stop, previous and next paragraph, a native speed select, and a polite status line that also explains,
 * plainly and in the reader's language, when there is no voice for the article's language.
 */
export function buildPlayer(doc: Document, lang: 'vi' | 'en', speaker: Speaker, speechLang: string): { el: HTMLElement; update(): void; main: HTMLButtonElement } {
  const t = readAloudStrings[lang];
  const button = (icon: string, label: string, action: () => void) => iconButton(doc, icon, label, action);
  const el = h(doc, 'section', { class: 'player', 'aria-label': t.region });
  const main = button('▶', t.play, () => {
    if (speaker.state === 'playing' || speaker.state === 'loading') speaker.pause();
    else if (speaker.state === 'paused') speaker.resume();
    else void speaker.play();
  });
  const stop = button('■', t.stop, () => speaker.stop());
  // On a phone their words are hidden (still their names): the sticky bar stays small.
  const previous = button('⏮', t.previous, () => speaker.skip(-1));
  const next = button('⏭', t.next, () => speaker.skip(1));
  previous.className = next.className = 'skip';
  const speed = h(doc, 'select');
  // 0,5× in Vietnamese, 0.5× in English.
  for (const r of RATES) speed.append(h(doc, 'option', { value: String(r) }, `${lang === 'vi' ? String(r).replace('.', ',') : r}×`));
  speed.addEventListener('change', () => speaker.setRate(Number(speed.value)));
  const status = h(doc, 'p', { class: 'status', role: 'status' });
  el.append(main, stop, previous, next, h(doc, 'label', {}, t.speed, speed), status);

  let said = '';
  let started = false;
  const update = () => {
    const s = speaker.state;
    started ||= s !== 'idle';
    const busy = s === 'playing' || s === 'loading';
    // After the reader chose a paragraph, the button says it reads from there.
    main.label.textContent = busy ? t.pause : s === 'paused' ? t.resume : speaker.index ? t.fromHere : t.play;
    (main.firstChild as Element).textContent = busy ? '⏸' : '▶';
    stop.disabled = s === 'idle' || s === 'done';
    speed.value = String(RATES.reduce((a, b) => (Math.abs(b - speaker.rate) < Math.abs(a - speaker.rate) ? b : a)));
    let message: string = started ? t[s] : '';
    if (speaker.problem === 'no-speech') message = t.noSpeech;
    else if (speaker.problem === 'no-voice') {
      let name = speechLang;
      try {
        name = new Intl.DisplayNames([lang], { type: 'language' }).of(speechLang.split(/[-_]/)[0]!) ?? speechLang;
      } catch {
        // Unknown code: the code itself.
      }
      message = t.noVoice(name.replace(/^Tiếng /, 'tiếng '));
    }
    status.classList.toggle('problem', !!speaker.problem);
    // Said once per change, so a screen reader is not told "Reading" for every sentence.
    if (message !== said) status.textContent = said = message;
  };
  update();
  return { el, update, main };
}
