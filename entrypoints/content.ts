import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUILTIN_MATCHES } from '../utils/builtinSites';
import { startContentScript } from '../utils/content/startContentScript';

/**
 * Reads the paragraph being written and inserts wording on request (issue 5). Runs on the built-in
 * webmails and editors, and on sites the user turned on (registered at run time, `utils/background/siteAccess.ts`).
 * In every frame, about:blank ones included: TinyMCE, Etherpad and Google Docs write in iframes.
 */
export default defineContentScript({
  matches: BUILTIN_MATCHES,
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main() {
    startContentScript();
  },
});
