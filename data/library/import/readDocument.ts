/**
 * From a file a user drops (a report as .docx, .odt, .pdf, .txt or .md) to the text the
 * extraction pipeline reads: one paragraph a line, paragraphs separated by a blank line,
 * headings as `## …`, bold as `**…**` and list items as `- …` (the seeds' Markdown-ish
 * layout, which `stripMarks` cleans). Citations count these lines, and the text is kept
 * with the source so every imported wording can be checked against it.
 *
 * Nothing here runs what a file contains: HTML or a script in a text file stays text.
 * The heavy readers (mammoth, pdf.js, fflate) are loaded on first use only, so the pages
 * that never import a file never load them.
 */
import { ImportError } from './ImportError';

/** Files above this size are refused before anything is read (a report is well under 5 MB). */
export const MAX_BYTES = 50 * 1024 * 1024;

export type DocumentFormat = 'docx' | 'odt' | 'pdf' | 'txt' | 'md' | 'pasted';

export interface DocumentText {
  format: DocumentFormat;
  /** The text, lines separated by `\n`. */
  text: string;
  /** The document had markup (`<script>`, `<a …>`) in its text: kept as text, shown as text. */
  markup: boolean;
}

export const ACCEPTED = ['.docx', '.odt', '.pdf', '.txt', '.md'] as const;

/** Refuses an empty or too large file by its size alone, before its bytes are read. */
export function checkSize(name: string, size: number): void {
  if (size === 0) throw new ImportError('importErrorEmpty', [name]);
  if (size > MAX_BYTES)
    throw new ImportError('importErrorTooLarge', [name, (size / 1024 / 1024).toFixed(0), String(MAX_BYTES / 1024 / 1024)]);
}

/** Reads a file's bytes into text; throws an `ImportError` saying what is wrong and with which file. */
export async function readDocument(name: string, bytes: Uint8Array): Promise<DocumentText> {
  checkSize(name, bytes.length);
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const actual = sniff(bytes);
  const expected: Record<string, Sniffed> = { docx: 'docx', odt: 'odt', pdf: 'pdf', txt: 'text', md: 'text', markdown: 'text' };
  const want = expected[ext];
  if (!want) throw new ImportError('importErrorUnsupported', [name]);
  if (ext === 'docx' && actual === 'ole') {
    // A password-protected .docx is an OLE container holding an « EncryptedPackage ».
    if (containsUtf16(bytes, 'EncryptedPackage')) throw new ImportError('importErrorPassword', [name]);
    throw new ImportError('importErrorMismatch', [name, '.docx', LABELS.ole]);
  }
  if (actual !== want && !(want === 'docx' && actual === 'zip') && !(want === 'odt' && actual === 'zip')) {
    // Plain text or unknown bytes have no format's name to give: each has its own sentence.
    if (actual === 'binary') throw new ImportError(want === 'text' ? 'importErrorBinary' : 'importErrorMismatchUnknown', want === 'text' ? [name] : [name, `.${ext}`]);
    if (actual === 'text') throw new ImportError('importErrorMismatchText', [name, `.${ext}`]);
    throw new ImportError('importErrorMismatch', [name, `.${ext}`, LABELS[actual]]);
  }
  let text: string;
  switch (want) {
    case 'docx':
      text = await readDocx(name, bytes);
      break;
    case 'odt':
      text = await readOdt(name, bytes);
      break;
    case 'pdf':
      text = await readPdf(name, bytes);
      break;
    default:
      text = decodeText(bytes);
  }
  text = tidy(text);
  if (!/\p{L}/u.test(text)) throw new ImportError('importErrorNoText', [name]);
  const format: DocumentFormat = want === 'text' ? (ext === 'txt' ? 'txt' : 'md') : (want as 'docx' | 'odt' | 'pdf');
  return { format, text, markup: hasMarkup(text) };
}

/** Text pasted in the import page (an e-mail, a report copied from a webmail). */
export function readPasted(text: string, name = 'texte collé'): DocumentText {
  const tidied = tidy(text);
  if (!/\p{L}/u.test(tidied)) throw new ImportError('importErrorEmpty', [name]);
  return { format: 'pasted', text: tidied, markup: hasMarkup(tidied) };
}

type Sniffed = 'pdf' | 'zip' | 'docx' | 'odt' | 'ole' | 'rtf' | 'png' | 'jpeg' | 'binary' | 'text';

/** How a known format is named in « porte l'extension .odt mais c'est en réalité un fichier PDF » (the same in both languages). */
const LABELS: Record<Exclude<Sniffed, 'binary' | 'text'>, string> = {
  pdf: 'PDF',
  zip: 'ZIP',
  docx: 'Word (.docx)',
  odt: 'OpenDocument (.odt)',
  ole: 'Word 97-2003 (.doc)',
  rtf: 'RTF',
  png: 'PNG',
  jpeg: 'JPEG',
};

/** What the first bytes say a file is, whatever its name says. */
function sniff(bytes: Uint8Array): Sniffed {
  const head = (n: number) => String.fromCharCode(...bytes.subarray(0, n));
  if (head(5) === '%PDF-') return 'pdf';
  if (head(4) === 'PK\x03\x04') {
    const names = ascii(bytes.subarray(0, Math.min(bytes.length, 4096)));
    if (names.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
    if (names.includes('word/') || names.includes('[Content_Types].xml')) return 'docx';
    return 'zip';
  }
  if (head(8) === '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1') return 'ole';
  if (head(5) === '{\\rtf') return 'rtf';
  if (head(4) === '\x89PNG') return 'png';
  if (head(3) === '\xff\xd8\xff') return 'jpeg';
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0) && !isUtf16(sample)) return 'binary';
  return 'text';
}

function ascii(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b >= 32 && b < 127 ? String.fromCharCode(b) : '';
  return s;
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = Array.from(word).flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, or else Windows-1252 (French text from older tools). */
function decodeText(bytes: Uint8Array): string {
  if (isUtf16(bytes)) return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Unix line ends, no BOM, no trailing spaces, at most one blank line in a row, no blank start or end. */
function tidy(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t \u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function hasMarkup(text: string): boolean {
  return /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?>/i.test(text.replace(/<\/?(?:sup|sub|i|b|em|strong|u|span)>/gi, ''));
}

async function readDocx(name: string, bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`: both accept the bytes.
    const input = { buffer: bytes, arrayBuffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    html = (await mammoth.convertToHtml(input, { includeDefaultStyleMap: true, ignoreEmptyParagraphs: true })).value;
  } catch (error) {
    throw new ImportError('importErrorCorrupt', [name, detailOf(error)], { cause: error });
  }
  const { htmlToLines } = await import('./htmlToLines');
  return htmlToLines(html).join('\n');
}

async function readOdt(name: string, bytes: Uint8Array): Promise<string> {
  const { unzipSync, strFromU8 } = await import('fflate');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' || f.name === 'META-INF/manifest.xml' || f.name === 'mimetype' });
  } catch (error) {
    throw new ImportError('importErrorCorrupt', [name, detailOf(error)], { cause: error });
  }
  const manifest = files['META-INF/manifest.xml'] ? strFromU8(files['META-INF/manifest.xml']) : '';
  if (/encryption-data/.test(manifest)) throw new ImportError('importErrorPassword', [name]);
  const content = files['content.xml'];
  if (!content) throw new ImportError('importErrorCorrupt', [name, 'content.xml']);
  const { odtToLines } = await import('./odtToLines');
  return odtToLines(strFromU8(content)).join('\n');
}

async function readPdf(name: string, bytes: Uint8Array): Promise<string> {
  const { pdfToLines } = await import('./pdfToLines');
  return pdfToLines(name, bytes);
}

export function detailOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 160);
}
