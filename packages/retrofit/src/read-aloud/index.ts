/**
 * Read-aloud whole: Vietnamese prepared for the ear, the voice select and the keys in the player. What the
 * package entry, the extension's reader script and the one-file bundle's reader script import.
 */
import { keys } from './keys.js';
import { usePlayerPart } from './player.js';
import { voiceChoice } from './voice-choice.js';
import './vietnamese/index.js';

usePlayerPart(voiceChoice);
usePlayerPart(keys);

export { readAloud, readAloudOf } from './page.js';
export { configureReadAloud } from './config.js';
export { splitSentences } from './sentences.js';
export { spoken } from './spoken.js';
export { prepareVietnamese } from './vietnamese/index.js';
export { pickVoice, rankVoices } from './voices.js';
export type { ReadAloudOptions, ReadAloudSession } from './page.js';
export type { Speech, VoiceChoice } from './voices.js';
export type { ReadAloudConfig, SpeechPrefs } from './config.js';
export type { SpokenText } from './spoken.js';
