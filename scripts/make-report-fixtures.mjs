/**
 * Builds the import test files in tests/fixtures/reports/ from the hand-written report
 * (`cr-2026-11-18-non-sanction.md`), with LibreOffice as a user's word processor would:
 * a .docx, an .odt and a PDF with a text layer, a password-protected PDF, and a PDF whose
 * only page is a picture (what a scanner makes). Run once, commit the outputs:
 *
 *   apt-get install libreoffice-writer-nogui && node scripts/make-report-fixtures.mjs
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'reports');
const NAME = 'cr-2026-11-18-non-sanction';
const work = mkdtempSync(join(tmpdir(), 'reports-'));

const md = readFileSync(join(DIR, `${NAME}.md`), 'utf8');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const inline = (s) => esc(s).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>');
const html = [];
let list = false;
for (const para of md.split(/\n{2,}/)) {
  const lines = para.split('\n');
  if (lines.every((l) => l.startsWith('- '))) {
    html.push('<ul>', ...lines.map((l) => `<li>${inline(l.slice(2))}</li>`), '</ul>');
    continue;
  }
  const h = /^(#{1,6}) (.*)$/.exec(para);
  html.push(h ? `<h${h[1].length}>${inline(h[2])}</h${h[1].length}>` : `<p>${inline(para.replace(/\n/g, ' '))}</p>`);
}
void list;
writeFileSync(join(work, `${NAME}.html`), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Compte-rendu</title></head><body>${html.join('\n')}</body></html>`);

// The plain-text version: what a user gets with « Enregistrer sous… texte brut ».
writeFileSync(join(DIR, `${NAME}.txt`), md.replace(/^#{1,6} /gm, '').replace(/\*\*/g, ''));

const soffice = (args) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, ...args], { cwd: work, stdio: 'inherit' });
soffice(['--convert-to', 'docx:MS Word 2007 XML', '--infilter=HTML (StarWriter)', `${NAME}.html`]);
soffice(['--convert-to', 'odt:writer8', '--infilter=HTML (StarWriter)', `${NAME}.html`]);
soffice(['--convert-to', 'pdf:writer_pdf_Export', '--infilter=HTML (StarWriter)', `${NAME}.html`]);
for (const ext of ['docx', 'odt', 'pdf']) copyFileSync(join(work, `${NAME}.${ext}`), join(DIR, `${NAME}.${ext}`));

// Password-protected PDF (open password « secret »).
copyFileSync(join(work, `${NAME}.html`), join(work, 'protege.html'));
soffice([
  '--convert-to',
  'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}',
  '--infilter=HTML (StarWriter)',
  'protege.html',
]);
copyFileSync(join(work, 'protege.pdf'), join(DIR, 'protege.pdf'));

// A « scan »: one page holding only a picture (grey page, dark bars where lines of text were).
const W = 200, H = 280;
const raw = Buffer.alloc((W + 1) * H);
for (let y = 0; y < H; y++) {
  raw[y * (W + 1)] = 0;
  for (let x = 0; x < W; x++) raw[y * (W + 1) + 1 + x] = y > 20 && y % 12 < 5 && x > 15 && x < 185 - ((y * 7) % 40) ? 40 : 235;
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 0; // greyscale
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(join(work, 'page.png'), png);
writeFileSync(join(work, 'scan.html'), '<!doctype html><html><body><p><img src="page.png" width="600" height="840"></p></body></html>');
soffice(['--convert-to', 'pdf:writer_pdf_Export', '--infilter=HTML (StarWriter)', 'scan.html']);
copyFileSync(join(work, 'scan.pdf'), join(DIR, 'scan.pdf'));
console.log(`Fixtures written to ${DIR}`);
