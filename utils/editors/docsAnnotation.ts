/**
 * Google Docs' annotated-canvas mode: when `window._docs_annotate_canvas_by_ext` is set in the page
 * before Docs starts, Docs draws an annotation layer over its canvas (SVG `rect`s carrying each line's
 * text, read by `readAnnotationLayer` in readParagraph.ts). Docs reads the value, and sends it into
 * its error reports and telemetry: so it is Positions' own identity, its extension id
 * (`runtime.id`), never another extension's.
 *
 * Only the isolated world knows that id, and only the page world can set the flag. Both scripts start
 * at document_start, before any of the page's scripts, in an order no browser promises; so each side
 * speaks first and answers the other: the page side asks (`REQUEST`), the isolated side offers the
 * id at once and again when asked (`IDENTITY`). The page side takes the first id and stops listening,
 * and never replaces a value already there (another extension's, which turns the mode on already).
 */
export const DOCS_IDENTITY = 'positions:docs-identity';
export const DOCS_IDENTITY_REQUEST = 'positions:docs-identity-request';

interface DocsWindow {
  _docs_annotate_canvas_by_ext?: unknown;
}

/** Page world (entrypoints/page-bridge.content.ts), top frame of a Docs document only. */
export function awaitDocsIdentity(win: Window = window): void {
  const doc = win.document;
  const take = (event: Event) => {
    const id = (event as CustomEvent<unknown>).detail;
    if (typeof id !== 'string' || !id) return;
    doc.removeEventListener(DOCS_IDENTITY, take, true);
    const page = win as unknown as DocsWindow;
    if (!page._docs_annotate_canvas_by_ext) page._docs_annotate_canvas_by_ext = id;
  };
  doc.addEventListener(DOCS_IDENTITY, take, true);
  doc.dispatchEvent(new CustomEvent(DOCS_IDENTITY_REQUEST));
}

/** Isolated world (entrypoints/docs-identity.content.ts): offers `id` now and when the page side asks. */
export function offerDocsIdentity(id: string, doc: Document = document): void {
  const offer = () => doc.dispatchEvent(new CustomEvent(DOCS_IDENTITY, { detail: id }));
  const onRequest = () => {
    doc.removeEventListener(DOCS_IDENTITY_REQUEST, onRequest, true);
    offer();
  };
  doc.addEventListener(DOCS_IDENTITY_REQUEST, onRequest, true);
  offer();
}
