/** The player's voice select: every voice that can read the text, best first; the reader's choice is remembered. */
import { h } from '../ui/h.js';
import type { PlayerPart } from './player.js';

const label = { vi: 'Giọng đọc', en: 'Voice' } as const;

/** A native select of the speaker's voices, hidden until there is one. */
export const voiceChoice: PlayerPart = ({ doc, lang, speaker }) => {
  const select = h(doc, 'select');
  select.addEventListener('change', () => speaker.chooseVoice(select.value));
  const el = h(doc, 'label', { hidden: '' }, label[lang], select);
  let listed = '';
  return {
    el,
    update() {
      const ids = speaker.voices.map((v) => v.id).join('\n');
      if (ids !== listed) {
        listed = ids;
        select.replaceChildren(...speaker.voices.map((v) => h(doc, 'option', { value: v.id }, v.voice.name)));
        el.hidden = !speaker.voices.length;
      }
      if (speaker.voice) select.value = speaker.voice.id;
    },
  };
};
