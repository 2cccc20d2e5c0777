import { defineContentScript } from 'wxt/utils/define-content-script';
import { earlyStage } from '../lib/early';

/** Stage one, at document_start: settings and the early stylesheet (see lib/early.ts). A few KB. */
export default defineContentScript({
  matches: ['*://*.gov.vn/*', '*://gov.vn/*'],
  runAt: 'document_start',
  allFrames: false,
  main() {
    earlyStage();
  },
});
