/**
 * `npm run -s library -- import FICHIER --title T --date AAAA-MM-JJ [--kind K] [--speaker S] [--plan PAN1]`
 *   --json                       prints {"source": {…}, "positions": […], "setAside": […]} and writes nothing;
 *   --into OUT.json [--library IN.json]   writes the whole resulting library (the shipped one, or
 *                                IN, plus the new source) in the export format.
 * The same code as the options page: readDocument → proposeImport → (no review) → export.
 */
import { basename } from 'node:path';
import type { Library, SourceKind } from '../library/schema';
import { buildExport, parseExport, type ExportedSource, type LibraryExport } from '../library/import/exchange';
import { isImportError } from '../library/import/ImportError';
import { positionOf } from '../library/import/store';
import { proposeImport, type ProposalDoubt } from '../library/import/propose';
import { checkSize, readDocument } from '../library/import/readDocument';
import { uniqueIds } from '../library/import/review';
import { inputSize, parseLibraryText, readInputBytes, readInputFile, shippedLibrary, writeOutputFile } from './cli-lib';

const USAGE =
  'Usage : npm run -s library -- import FICHIER --title "Titre" --date AAAA-MM-JJ [--kind compte-rendu|courrier|note] [--speaker "Collectif"] [--plan PAN1] (--json | --into SORTIE.json [--library ENTREE.json])';

export async function importCommand(args: string[]): Promise<number> {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const flags = new Set(['--title', '--date', '--kind', '--speaker', '--plan', '--into', '--library']);
  const file = args.find((a, i) => !a.startsWith('--') && !flags.has(args[i - 1] ?? ''));
  const title = value('--title');
  const date = value('--date');
  const into = value('--into');
  if (!file || !title || !date || (!args.includes('--json') && !into)) {
    console.error(USAGE);
    return 2;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    console.error(`--date : « ${date} » n'est pas une date AAAA-MM-JJ.`);
    return 2;
  }
  try {
    // Refused on its size before it is read, as the options page does.
    checkSize(basename(file), inputSize(file, 'import :'));
    const doc = await readDocument(basename(file), new Uint8Array(readInputBytes(file, 'import :')));
    const { source, proposals } = proposeImport(doc.text, {
      title,
      date,
      kind: (value('--kind') as SourceKind | undefined) ?? 'compte-rendu',
      defaultSpeaker: value('--speaker'),
      plan: value('--plan'),
      file: basename(file),
    });
    const all = uniqueIds(proposals);
    const positions = all.filter((p) => p.accepted).map(positionOf);
    // What the review screen would leave unticked (an external body's words) is left out here too, and said.
    const setAside = all.filter((p) => !p.accepted);
    for (const p of all) if (p.doubt) console.error(`${p.accepted ? 'À vérifier' : 'Laissé de côté'} (lignes ${p.lines[0]}-${p.lines[1]}) : ${doubtText(p.doubt)}`);
    if (args.includes('--json')) {
      process.stdout.write(JSON.stringify({ source, positions, setAside: setAside.map((p) => ({ ...positionOf(p), doubt: p.doubt })) }, null, 1) + '\n');
      return 0;
    }
    const base = readLibraryFile(value('--library'));
    if (base.sources.some((s) => s.id === source.id)) {
      console.error(`La bibliothèque contient déjà une source « ${source.id} » : changez le titre ou la date.`);
      return 1;
    }
    const out = buildExport({ ...base, sources: [...base.sources, source as ExportedSource], positions: [...base.positions, ...positions] }, 'all');
    writeOutputFile(into!, JSON.stringify(out, null, 1) + '\n', '--into');
    console.error(`Bibliothèque écrite : ${into} (${out.sources.length} sources, ${out.positions.length} positions, dont ${positions.length} de « ${title} »)`);
    return 0;
  } catch (error) {
    if (isImportError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

/**
 * The library to work on: the shipped one, or a file in the export format (`formatVersion`: validated whole, as the
 * options page's import does), or else a plain library (`library -- export` output, checked field by field).
 */
export function readLibraryFile(path: string | undefined): LibraryExport | Library {
  if (!path) return shippedLibrary();
  const json = readInputFile(path, '--library');
  if (!isExportJson(json)) return parseLibraryText(json, path);
  const shipped = shippedLibrary();
  return parseExport(basename(path), json, { measureKeys: shipped.measures.map((m) => m.key), themeIds: shipped.themes.map((t) => t.id), sourceIds: [] });
}

/** Whether a JSON text is an export with a format version (a plain library has none). */
export function isExportJson(json: string): boolean {
  try {
    const data = JSON.parse(json) as { formatVersion?: unknown } | null;
    return !!data && typeof data === 'object' && data.formatVersion !== undefined;
  } catch {
    return false;
  }
}

/**
 * `library -- check --library FILE`: the checks an import applies (whole-file validation: format
 * version, ids, keys, every wording in its source's text), plus the counts. Exit code 1 on a problem.
 */
export function checkLibraryFile(path: string): number {
  try {
    const lib = readLibraryFile(path);
    const imported = lib.sources.filter((s) => s.origin === 'imported').length;
    console.log(`${basename(path)} : ${lib.sources.length} sources (dont ${imported} importées), ${lib.positions.length} positions. Aucun problème.`);
    return 0;
  } catch (error) {
    if (isImportError(error)) {
      console.log(`✗ ${error.message}`);
      return 1;
    }
    if (error instanceof SyntaxError) {
      console.log(`✗ ${basename(path)} : JSON illisible (${error.message}).`);
      return 1;
    }
    throw error;
  }
}

/** The review screen's words for a doubt, in French like the rest of the command. */
function doubtText(doubt: ProposalDoubt): string {
  return doubt.kind === 'external'
    ? `propos de « ${doubt.body} », ni le Collectif, ni le gouvernement, ni la CNCDH ; gardés, ils seraient classés comme propos du gouvernement (contexte).`
    : `« ${doubt.speaker} » n'apparaît ni dans la liste des présents ni avec son organisation : classé(e) comme association membre.`;
}
