/**
 * Copies text to the clipboard from an extension page (side panel, popup), from a click.
 * `navigator.clipboard` needs the page to have focus, which a click in the panel gives; the
 * `execCommand('copy')` fallback covers a browser that still refuses (older Firefox sidebars).
 * Resolves `false` when neither worked, so the page can say so instead of pretending.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text, doc);
  }
}

function copyWithSelection(text: string, doc: Document): boolean {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.append(area);
  const previous = doc.activeElement as HTMLElement | null;
  area.select();
  let copied = false;
  try {
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  previous?.focus?.();
  return copied;
}
