import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';

/** Headless Chromium for node-side tests that drive whole pages (demo site, extension, benchmarks). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, ...extraArgs] });
}
