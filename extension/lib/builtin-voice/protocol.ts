/**
 * What the content script and the built-in voice's host (Chrome's offscreen document, Firefox's background page)
 * say to each other over one runtime port per page.
 */

/** The port's name. */
export const VOICE_PORT = 'arx-builtin-voice';

/** The content script asks the background, once per page, for the host to be there before it connects. */
export const VOICE_HOST_MESSAGE = 'builtin-voice-host';

/** From the page: say an utterance (it replaces any other), stop, pause, resume; or get ready (load eSpeak). */
export type ToHost =
  | { type: 'speak'; id: number; text: string; rate: number; voice: string }
  | { type: 'cancel' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'warm' };

/** To the page: the utterance started sounding, reached a word, ended, or failed. */
export type FromHost =
  | { type: 'start'; id: number }
  | { type: 'boundary'; id: number; charIndex: number; charLength: number }
  | { type: 'end'; id: number }
  | { type: 'error'; id: number; error: string };

/** The eSpeak NG voices the built-in voice offers (Vietnamese: Northern, Central, Southern), named for the reader. */
export const VOICES = [
  { id: 'vi', lang: 'vi-VN', vi: 'Giọng có sẵn của tiện ích (miền Bắc)', en: "The extension's own voice (Northern)" },
  { id: 'vi-VN-x-central', lang: 'vi-VN', vi: 'Giọng có sẵn của tiện ích (miền Trung)', en: "The extension's own voice (Central)" },
  { id: 'vi-VN-x-south', lang: 'vi-VN', vi: 'Giọng có sẵn của tiện ích (miền Nam)', en: "The extension's own voice (Southern)" },
] as const;
