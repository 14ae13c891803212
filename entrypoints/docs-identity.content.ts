import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { offerDocsIdentity } from '../utils/editors/docsAnnotation';

/**
 * Gives the page-world script (page-bridge.content.ts) Positions' own id, for Google Docs'
 * annotated-canvas flag, before Docs starts: see utils/editors/docsAnnotation.ts.
 */
export default defineContentScript({
  matches: ['https://docs.google.com/document/*'],
  runAt: 'document_start',
  main() {
    offerDocsIdentity(browser.runtime.id);
  },
});
