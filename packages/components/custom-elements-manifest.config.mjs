/** custom-elements.json is generated from the JSDoc on each component class (attributes, events, parts, CSS properties). */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.strings.ts', 'src/shared/**'],
  outdir: 'dist',
  litelement: true,
};
