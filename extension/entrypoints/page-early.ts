import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { earlyStage } from '../lib/early';

/**
 * Stage one, at document_start: the settings and the first paint (see lib/early.ts). Registered by the
 * background (lib/registrations.ts) for the sites the reader is on, and only those: a site turned off gets no
 * script at all. An unlisted script, so that nothing of the framework's own runs in the page either.
 */
export default defineUnlistedScript(() => {
  earlyStage();
});
