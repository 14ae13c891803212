/**
 * A PDF's text layer to the pipeline's lines, with pdf.js. The worker code runs on the calling
 * thread (`globalThis.pdfjsWorker`), so nothing is fetched: not a worker file, not a font, not
 * a character map. A paragraph break is a vertical gap clearly wider than the usual line
 * spacing, or a page break; hyphenation and broken lines are the pipeline's to rejoin.
 *
 * A PDF with pages but (almost) no text is a scan: it is refused with that reason, since
 * reading images (OCR) is beyond an import page.
 */
import { ImportError } from './ImportError';
import { detailOf } from './readDocument';

/** Fewer letters than this per page on average: a scan (a page number or a stamp is not a text layer). */
const LETTERS_PER_PAGE = 20;

interface Item {
  str: string;
  hasEOL: boolean;
  transform: number[];
}

export async function pdfToLines(name: string, bytes: Uint8Array): Promise<string> {
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      if ((error as { name?: string }).name === 'PasswordException') throw new ImportError('importErrorPassword', [name], { cause: error });
      throw new ImportError('importErrorCorrupt', [name, detailOf(error)], { cause: error });
    }
    const lines: string[] = [];
    let letters = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const rows = rowsOf(content.items.flatMap((i) => ('str' in i ? [i as Item] : [])));
      const gaps = rows.slice(1).map((r, i) => rows[i]!.y - r.y).filter((d) => d > 0).sort((a, b) => a - b);
      const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)]! : 0;
      if (lines.length && lines[lines.length - 1] !== '') lines.push('');
      rows.forEach((row, i) => {
        const gap = i ? rows[i - 1]!.y - row.y : 0;
        if (i && usual && gap > usual * 1.45 && lines[lines.length - 1] !== '') lines.push('');
        lines.push(row.text);
        letters += row.text.replace(/[^\p{L}]/gu, '').length;
      });
      page.cleanup();
    }
    if (letters < LETTERS_PER_PAGE * Math.max(1, doc.numPages)) throw new ImportError('importErrorScan', [name]);
    return lines.join('\n');
  } finally {
    await task.destroy();
  }
}

/** The page's text as rows, top to bottom: an item ending a line (`hasEOL`) closes its row. */
function rowsOf(items: Item[]): { text: string; y: number }[] {
  const rows: { text: string; y: number }[] = [];
  let text = '';
  let y: number | undefined;
  for (const item of items) {
    y ??= item.transform[5];
    text += item.str;
    if (item.hasEOL) {
      if (text.trim()) rows.push({ text: text.replace(/\s+/g, ' ').trim(), y: y ?? 0 });
      text = '';
      y = undefined;
    }
  }
  if (text.trim()) rows.push({ text: text.replace(/\s+/g, ' ').trim(), y: y ?? 0 });
  return rows;
}
