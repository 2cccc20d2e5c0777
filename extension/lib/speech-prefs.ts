/**
 * The reader's voice and reading speed, remembered on this computer (`local`: a voice installed here may not
 * exist on the reader's other computers). One small item of its own, apart from the settings model.
 */
import type { SpeechPrefs } from '@accessible-reader/retrofit';
import { storage } from '@wxt-dev/storage';

const item = storage.defineItem<unknown>('local:speech');

/** Valid prefs from anything stored: a wrong field is dropped, never thrown on. */
export function validateSpeechPrefs(value: unknown): SpeechPrefs {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const out: SpeechPrefs = {};
  if (typeof v.voice === 'string' && v.voice.length > 0 && v.voice.length < 300) out.voice = v.voice;
  if (typeof v.rate === 'number' && Number.isFinite(v.rate)) out.rate = Math.min(2, Math.max(0.5, v.rate));
  return out;
}

export async function getSpeechPrefs(): Promise<SpeechPrefs> {
  return validateSpeechPrefs(await item.getValue().catch(() => null));
}

export async function setSpeechPrefs(prefs: SpeechPrefs): Promise<void> {
  await item.setValue(validateSpeechPrefs(prefs));
}

/** Calls `fn` with the prefs whenever another tab (or the options page) changes them. */
export function watchSpeechPrefs(fn: (prefs: SpeechPrefs) => void): () => void {
  return item.watch((value) => fn(validateSpeechPrefs(value)));
}
