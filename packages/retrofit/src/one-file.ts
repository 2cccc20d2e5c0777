/**
 * Whether this is the one-file bundle (`accessible-reader-retrofit.js`), where the parts of read-aloud that its
 * 40 KB gzip budget cannot hold are left out. The bundle's build replaces this module with one-file.bundle.ts;
 * the minifier then drops the code behind `if (!ONE_FILE)`.
 */
export const ONE_FILE: boolean = false;
