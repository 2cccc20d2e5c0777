/** The read-aloud controls, shared by the page's read-aloud bar and the reader view. */
import { h, iconButton } from '../ui/h.js';
import type { Speaker } from './speaker.js';
import { builtInStrings, noSpeechStrings, readAloudStrings } from './read-aloud.strings.js';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

/** Styles of the player, for the shadow root it is put in (colours come from the host's custom properties). */
export const PLAYER_CSS = `
.player{display:flex;flex-wrap:wrap;align-items:center;gap:.5em .75em}
.player .status{flex:1 1 10em;margin:0;min-height:1.5em}
.player .problem{max-width:60em;font-weight:700}
.player label{display:inline-flex;align-items:center;gap:.4em}
.player [hidden]{display:none}
@media (max-width:30em){.player .skip span,.player .keys{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}}
.player select{max-width:14em}.player .keys{flex-basis:100%;margin:0;font-size:.85em}.player kbd{font:inherit;font-weight:700;padding:0 .3em;border:1px solid;border-radius:.25em}
`;

/** What a part of the player gets to work with. */
export interface PlayerContext {
  doc: Document;
  lang: 'vi' | 'en';
  speaker: Speaker;
  /** The player's own element. */
  el: HTMLElement;
  /** Its buttons. */
  buttons: { main: HTMLButtonElement; stop: HTMLButtonElement; previous: HTMLButtonElement; next: HTMLButtonElement };
  /** What the main button does: read, pause or resume. */
  toggle(): void;
}

/** A part of the player added by the package entry (the voice choice, the keys), not in the one-file bundle. */
export type PlayerPart = (c: PlayerContext) => { el?: HTMLElement; update?(): void };

const parts: PlayerPart[] = [];

/** Adds a part to every player built from now on, after the speed select. */
export function usePlayerPart(part: PlayerPart): void {
  if (!parts.includes(part)) parts.push(part);
}

/** "tiếng Việt" / "Vietnamese" for `lang`, in the language of the controls. */
function languageName(lang: string, ui: 'vi' | 'en'): string {
  try {
    return (new Intl.DisplayNames([ui], { type: 'language' }).of(lang.split(/[-_]/)[0]!) ?? lang).replace(/^Tiếng /, 'tiếng ');
  } catch {
    return lang;
  }
}

/**
 * The read-aloud controls: one button that reads, pauses and resumes (its label says what it will do),
 * stop, previous and next sentence, a native speed select, the registered parts (voice choice, keys), and a
 * polite status line that also says, plainly and in the reader's language, which voice reads when the computer
 * has none for the text, or what to do when nothing can read it.
 */
export function buildPlayer(doc: Document, lang: 'vi' | 'en', speaker: Speaker, speechLang: string): { el: HTMLElement; update(): void; main: HTMLButtonElement } {
  const t = readAloudStrings[lang];
  const el = h(doc, 'section', { class: 'player', 'aria-label': t.region });
  const toggle = () => {
    if (speaker.state === 'playing' || speaker.state === 'loading') speaker.pause();
    else if (speaker.state === 'paused') speaker.resume();
    else void speaker.play();
  };
  const main = iconButton(doc, 'play', t.play, toggle);
  const stop = iconButton(doc, 'stop', t.stop, () => speaker.stop());
  // On a phone their words are hidden (still their names): the sticky bar stays small.
  const previous = iconButton(doc, 'previous', t.previous, () => speaker.skip(-1), { class: 'skip' });
  const next = iconButton(doc, 'next', t.next, () => speaker.skip(1), { class: 'skip' });
  const speed = h(doc, 'select');
  // 0,5× in Vietnamese, 0.5× in English.
  for (const r of RATES) speed.append(h(doc, 'option', { value: String(r) }, `${lang === 'vi' ? String(r).replace('.', ',') : r}×`));
  speed.addEventListener('change', () => speaker.setRate(Number(speed.value)));
  const status = h(doc, 'p', { class: 'status', role: 'status' });
  el.append(main, stop, previous, next, h(doc, 'label', {}, t.speed, speed));
  const added = parts.map((part) => part({ doc, lang, speaker, el, toggle, buttons: { main, stop, previous, next } }));
  el.append(status, ...added.flatMap((a) => (a.el ? [a.el] : [])));

  let said = '';
  let started = false;
  const update = () => {
    const s = speaker.state;
    started ||= s !== 'idle';
    const busy = s === 'playing' || s === 'loading';
    // After the reader chose a paragraph, the button says it reads from there.
    main.label.textContent = busy ? t.pause : s === 'paused' ? t.resume : speaker.index ? t.fromHere : t.play;
    main.setIcon(busy ? 'pause' : 'play');
    stop.disabled = s === 'idle' || s === 'done';
    speed.value = String(RATES.reduce((a, b) => (Math.abs(b - speaker.rate) < Math.abs(a - speaker.rate) ? b : a)));
    for (const a of added) a.update?.();
    const language = languageName(speechLang, lang);
    let message: string = started ? t[s] : '';
    if (speaker.problem === 'no-speech') message = noSpeechStrings[lang];
    else if (speaker.problem === 'no-voice') message = t.noVoice(language);
    else if (speaker.problem === 'failed') message = t.failed;
    else if (started && speaker.voice?.tier === 3 && !speaker.voices.some((v) => v.tier < 3)) {
      const name = speaker.voice.voice.name;
      // Inside a sentence: "…, nên đang đọc bằng giọng có sẵn…".
      message = `${builtInStrings[lang](language, name.replace(/^\p{Lu}/u, (c) => c.toLowerCase()))} ${message}`;
    }
    status.classList.toggle('problem', !!speaker.problem);
    // Said once per change, so a screen reader is not told "Reading" for every sentence.
    if (message !== said) status.textContent = said = message;
  };
  update();
  // The voices are listed (and a missing one reported) before the reader presses anything.
  void speaker.check().then(update);
  return { el, update, main };
}
