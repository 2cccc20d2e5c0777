/** The one-file bundle's answer to one-file.ts (its build aliases that module to this one). */
export const ONE_FILE: boolean = true;
