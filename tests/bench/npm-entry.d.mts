/** Types of npm-entry.mjs: builds the npm entry as one classic script (`window.__arNpm`) and returns its source. */
export function buildNpmEntry(outDir?: string): Promise<string>;
