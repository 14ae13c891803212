import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUILTIN_MATCHES } from '../utils/builtinSites';
import { servePageBridge } from '../utils/content/servePageBridge';

/**
 * The few calls that need the page's own JavaScript objects (Etherpad's ace, CKEditor's instance,
 * Google Docs' annotated text), on the content script's request: see `utils/content/callPageBridge.ts`.
 * `world: 'MAIN'` runs it in the page without adding a <script> to the DOM. At document_start so that
 * Google Docs sees the annotated-canvas flag before it starts (when an allowlisted id is configured).
 */
export default defineContentScript({
  matches: BUILTIN_MATCHES,
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main() {
    const docsId = (import.meta.env as Record<string, string | undefined>).WXT_DOCS_EXTENSION_ID;
    if (docsId && location.hostname === 'docs.google.com' && window === window.top) {
      (window as unknown as Record<string, unknown>)._docs_annotate_canvas_by_ext = docsId;
    }
    servePageBridge();
  },
});
