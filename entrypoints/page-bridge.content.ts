import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUILTIN_MATCHES } from '../utils/builtinSites';

/**
 * Google Docs only reads its annotated text out to an allowlisted extension id, which it checks in
 * the page's own world before it starts: this sets that flag at document_start, when an allowlisted
 * id is configured (`WXT_DOCS_EXTENSION_ID`), and does nothing anywhere else.
 *
 * The calls that need the page's own objects (Etherpad, TinyMCE, CKEditor, Docs' annotated text) are
 * not here: the background injects `utils/content/pageBridgeMain.ts` on the content script's request,
 * under a random name. `globalName: false`: the bundle leaves no global variable in the page.
 */
export default defineContentScript({
  matches: BUILTIN_MATCHES,
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  globalName: false,
  main() {
    const docsId = (import.meta.env as Record<string, string | undefined>).WXT_DOCS_EXTENSION_ID;
    if (docsId && location.hostname === 'docs.google.com' && window === window.top) {
      (window as unknown as Record<string, unknown>)._docs_annotate_canvas_by_ext = docsId;
    }
  },
});
