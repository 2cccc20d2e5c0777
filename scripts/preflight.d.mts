/** Types of preflight.mjs, for the tests. */
export const DEFAULT_CHROMIUM: string;
export const DEFAULT_FIREFOX: string;
export const SPEECH_TOOLS: string[];
export function preflight(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): { errors: string[]; warnings: string[] };
