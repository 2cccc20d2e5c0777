// Records which npm packages a Vite (Rolldown) build really put into each output file, for the notices.
import { sep } from 'node:path';

const NODE_MODULES = `${sep}node_modules${sep}`;

/**
 * The folder of the npm package a module id belongs to (`…/node_modules/@lit/reactive-element`), or null for
 * our own sources and virtual modules. The last `node_modules` counts, so nested copies are told apart.
 */
export function packageDirOf(id) {
  const path = id.split('?')[0];
  if (path.startsWith('\0')) return null;
  const at = path.lastIndexOf(NODE_MODULES);
  if (at < 0) return null;
  const [scopeOrName, name] = path.slice(at + NODE_MODULES.length).split(sep);
  return path.slice(0, at + NODE_MODULES.length) + (scopeOrName.startsWith('@') ? `${scopeOrName}${sep}${name}` : scopeOrName);
}

/**
 * A collector for one or more builds. Its `plugin()` goes into each Vite build (or `with(config)` adds it);
 * `outputs` then maps every output file, as the build named it, to the package folders whose code survived
 * tree-shaking into it.
 */
export function bundledPackages() {
  /** @type {Map<string, Set<string>>} */
  const outputs = new Map();
  const plugin = () => ({
    name: 'accessible-reader:bundled-packages',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const dirs = outputs.get(chunk.fileName) ?? new Set();
        for (const [id, module] of Object.entries(chunk.modules)) {
          const dir = module.renderedLength > 0 ? packageDirOf(id) : null;
          if (dir) dirs.add(dir);
        }
        outputs.set(chunk.fileName, dirs);
      }
    },
  });
  return {
    outputs,
    plugin,
    reset: () => outputs.clear(),
    /** The same Vite config with the collector added to its plugins. */
    with: (config) => ({ ...config, plugins: [...(config.plugins ?? []), plugin()] }),
  };
}
