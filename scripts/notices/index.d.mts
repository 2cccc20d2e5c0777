/** Types of index.mjs, for wxt.config.ts. */
import type { Plugin, PluginOption } from 'vite';

export function packageDirOf(id: string): string | null;
export function bundledPackages(): {
  outputs: Map<string, Set<string>>;
  plugin(): Plugin;
  reset(): void;
  with<T extends object>(config: T): T & { plugins: PluginOption[] };
};
export function licenceTexts(dir: string, name: string): string[] | null;
export function thirdPartyNotices(options: {
  product: string;
  outputs: Map<string, Set<string>>;
  extra?: { dir: string; in: string; about?: string }[];
  forbid?: RegExp;
}): string;
