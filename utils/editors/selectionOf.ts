/**
 * The selection that holds the caret of an editable. An editable inside an open shadow root (apps made of
 * web components) has its caret where the document's selection cannot show it in Chromium: there the
 * document's selection stops at the shadow host, and only the shadow root's own `getSelection()` (not
 * standard, Chromium's) points inside. Firefox has no such method; its document selection points inside.
 */
export function selectionOf(node: Node): Selection | null {
  const holder = node.getRootNode() as (ShadowRoot & { getSelection?(): Selection | null }) | Document;
  if (holder instanceof ShadowRoot && typeof holder.getSelection === 'function') return holder.getSelection();
  return (node.ownerDocument ?? (node as Document)).getSelection();
}
