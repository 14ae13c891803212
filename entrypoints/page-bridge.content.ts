import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUILTIN_MATCHES } from '../utils/builtinSites';
import { awaitDocsIdentity } from '../utils/editors/docsAnnotation';

/**
 * Google Docs' annotated-canvas mode: Docs reads `_docs_annotate_canvas_by_ext` in the page's own
 * world before it starts, so this sets it at document_start, to Positions' own id (given by the
 * isolated world, see utils/editors/docsAnnotation.ts), on Docs documents only; nothing anywhere else.
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
    if (location.hostname === 'docs.google.com' && window === window.top) awaitDocsIdentity();
  },
});
