/**
 * Setup for the browser projects. Tests run Lit's development build on purpose (it checks more); its banner
 * saying so, once per test file, is not news. Lit skips a warning whose code is already in this set.
 */
const lit = globalThis as typeof globalThis & { litIssuedWarnings?: Set<string> };
(lit.litIssuedWarnings ??= new Set()).add('dev-mode');
