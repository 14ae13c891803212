/**
 * Reading a report a user drops on the import page: real files made by a word processor
 * (tests/fixtures/reports/, built by scripts/make-report-fixtures.mjs with LibreOffice), and
 * every kind of bad input, each refused with a message saying what and which file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { ImportError } from '../../data/library/import/ImportError';
import { MAX_BYTES, checkSize, readDocument, readPasted } from '../../data/library/import/readDocument';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'reports');
const NAME = 'cr-2026-11-18-non-sanction';
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(DIR, file)));

async function refusal(name: string, bytes: Uint8Array): Promise<ImportError> {
  const error = await readDocument(name, bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('readDocument: real files', () => {
  test.each(['docx', 'odt', 'pdf', 'txt', 'md'])('a .%s report gives its paragraphs as lines, in order', async (ext) => {
    const doc = await readDocument(`${NAME}.${ext}`, bytesOf(`${NAME}.${ext}`));
    expect(doc.format).toBe(ext);
    const flat = doc.text.replace(/\*\*/g, '').replace(/\s+/g, ' ');
    expect(flat).toContain('Mme de Ruyg (Amicale du Nid) souligne que les victimes étrangères');
    expect(flat.indexOf('Le Collectif rappelle')).toBeLessThan(flat.indexOf('Réponse de M. Marchal'));
    expect(flat.indexOf('Réponse de M. Marchal')).toBeLessThan(flat.indexOf('Document de travail'));
    expect(doc.markup).toBe(false);
  });

  test('Word and OpenDocument keep headings as headings and bold as bold (a speaker in bold opens a turn)', async () => {
    for (const ext of ['docx', 'odt']) {
      const { text } = await readDocument(`${NAME}.${ext}`, bytesOf(`${NAME}.${ext}`));
      expect(text).toMatch(/^#+ 2\. L'indemnisation par la CIVI$/m);
      expect(text).toMatch(/^\*\*Réponse de M\. Marchal \(cabinet du garde des Sceaux\) :\*\*$/m);
      expect(text).toMatch(/^- L'indemnisation des victimes par la CIVI$/m);
    }
  });

  test('pasted text is read as it is', () => {
    expect(readPasted('Le Collectif demande.\r\n\r\n\r\nSecond paragraphe.').text).toBe('Le Collectif demande.\n\nSecond paragraphe.');
  });

  test('a text file in Windows-1252 (older tools) is decoded, accents included', async () => {
    const bytes = new Uint8Array([...Buffer.from('Le Collectif r', 'latin1'), 0xe9, ...Buffer.from('clame un h', 'latin1'), 0xe9, ...Buffer.from('bergement.', 'latin1')]);
    expect((await readDocument('notes.txt', bytes)).text).toBe('Le Collectif réclame un hébergement.');
  });
});

describe('readDocument: bad input says what and where', () => {
  test('an empty file', async () => {
    const e = await refusal('vide.docx', new Uint8Array());
    expect(e.key).toBe('importErrorEmpty');
    expect(e.message).toContain('« vide.docx » est vide');
    expect(e.in('en')).toContain('“vide.docx” is empty');
  });

  test('a file over 50 MB is refused from its size, before reading', async () => {
    expect(() => checkSize('gros.pdf', 52 * 1024 * 1024)).toThrow(/« gros\.pdf » pèse 52 Mo ; la limite est de 50 Mo/);
    const e = await refusal('gros.txt', new Uint8Array(MAX_BYTES + 1));
    expect(e.key).toBe('importErrorTooLarge');
  });

  test('a file that is not what its name says', async () => {
    const pdfAsDocx = await refusal('compte-rendu.docx', bytesOf(`${NAME}.pdf`));
    expect(pdfAsDocx.message).toBe(
      "« compte-rendu.docx » porte l'extension .docx mais c'est en réalité un fichier PDF. Enregistrez-le au bon format ou renommez-le, puis réessayez. Rien n'a été modifié.",
    );
    expect((await refusal('compte-rendu.pdf', bytesOf(`${NAME}.docx`))).args).toEqual(['compte-rendu.pdf', '.pdf', 'Word (.docx)']);
    expect((await refusal('compte-rendu.odt', bytesOf(`${NAME}.docx`))).key).toBe('importErrorMismatch');
    expect((await refusal('notes.txt', bytesOf(`${NAME}.odt`))).args[2]).toBe('OpenDocument (.odt)');
    expect((await refusal('image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).args[2]).toBe('PNG');
  });

  test('an unknown extension', async () => {
    expect((await refusal('notes.pages', bytesOf(`${NAME}.txt`))).key).toBe('importErrorUnsupported');
  });

  test.each([
    ['docx', 2000],
    ['odt', 3000],
    ['pdf', 1500],
  ])('a corrupt (truncated) .%s', async (ext, keep) => {
    const e = await refusal(`abime.${ext}`, bytesOf(`${NAME}.${ext}`).slice(0, keep));
    expect(e.key).toBe('importErrorCorrupt');
    expect(e.message).toMatch(new RegExp(`^« abime\\.${ext} » est endommagé et ne peut pas être lu \\(.+\\)`));
  });

  test('a password-protected PDF (made by LibreOffice)', async () => {
    const e = await refusal('protege.pdf', bytesOf('protege.pdf'));
    expect(e.message).toContain('« protege.pdf » est protégé par un mot de passe');
  });

  test('a password-protected .odt (its manifest declares encrypted entries)', async () => {
    const files = unzipSync(bytesOf(`${NAME}.odt`));
    const manifest = new TextDecoder().decode(files['META-INF/manifest.xml']).replace(
      /(<manifest:file-entry manifest:full-path="content.xml"[^>]*?)\/>/,
      '$1><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry>',
    );
    const locked = zipSync({ mimetype: [files.mimetype!, { level: 0 }], ...Object.fromEntries(Object.entries(files).filter(([n]) => n !== 'mimetype')), 'META-INF/manifest.xml': strToU8(manifest) });
    expect((await refusal('protege.odt', locked)).key).toBe('importErrorPassword');
  });

  test('a password-protected .docx (Office wraps it in an OLE container holding an EncryptedPackage)', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]), 600);
    expect((await refusal('protege.docx', ole)).key).toBe('importErrorPassword');
    // Without the EncryptedPackage it is an old .doc saved under a .docx name.
    expect((await refusal('ancien.docx', ole.slice(0, 512))).args[2]).toBe('Word 97-2003 (.doc)');
  });

  test('a scanned PDF without text', async () => {
    const e = await refusal('scan.pdf', bytesOf('scan.pdf'));
    expect(e.key).toBe('importErrorScan');
    expect(e.message).toContain("ce PDF ne contient pas de texte : il s'agit sans doute d'un scan");
    expect(e.in('en')).toContain('this PDF contains no text: it is probably a scan');
  });

  test('binary bytes in a .txt: not a text file, in either language', async () => {
    const e = await refusal('notes.txt', new Uint8Array([0x4c, 0x65, 0, 1, 2, 3, 0, 0x20]));
    expect(e.message).toBe("« notes.txt » n'est pas un fichier texte. Rien n'a été modifié.");
    expect(e.in('en')).toBe('“notes.txt” is not a text file. Nothing was changed.');
  });

  test('plain text or unknown bytes under a document\'s extension: said without a format name in the other language', async () => {
    const text = await refusal('compte-rendu.docx', new TextEncoder().encode('Compte-rendu de la réunion du Collectif.\n'));
    expect(text.message).toBe(
      "« compte-rendu.docx » porte l'extension .docx mais ne contient que du texte brut. Enregistrez-le au bon format depuis votre traitement de texte, ou renommez-le en .txt, puis réessayez. Rien n'a été modifié.",
    );
    expect(text.in('en')).toContain('“compte-rendu.docx” has the .docx extension but holds only plain text.');
    const unknown = await refusal('compte-rendu.odt', new Uint8Array([0x4c, 0x65, 0, 1, 2, 3, 0, 0x20]));
    expect(unknown.message).toContain("« compte-rendu.odt » porte l'extension .odt mais son contenu n'est pas celui d'un tel fichier");
    expect(unknown.in('en')).toContain('“compte-rendu.odt” has the .odt extension but its content is not that of such a file');
    for (const e of [text, unknown]) expect(`${e.message} ${e.in('en')}`).not.toMatch(/binaire|binary|texte \/ text/);
  });

  test('HTML or a script inside a text file is kept as text, flagged, never run', async () => {
    const doc = await readDocument('piege.txt', strToU8('Le Collectif demande <script>alert("x")</script> un hébergement <b onclick="x()">adapté</b>.'));
    expect(doc.text).toContain('<script>alert("x")</script>');
    expect(doc.markup).toBe(true);
  });
});
