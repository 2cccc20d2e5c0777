/** Types of espeak-vietnamese.mjs, for wxt.config.ts. */
export function buildVietnameseVoice(): {
  js: string;
  data: string;
  licence: string;
  files: string[];
  sizes: { js: number; data: number; originalData: number };
};
