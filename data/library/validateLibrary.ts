/**
 * What a library must look like to be loaded, as a valibot schema: the command line's
 * `--library FILE`, the rows the extension reads back from IndexedDB, and the bundled library
 * all go through it, so a malformed library is refused with one French sentence naming the
 * file (or table) and the first bad field, instead of breaking the engine later.
 *
 * Objects are *loose*: fields this version does not know (added by a later one) are kept.
 * Pure TypeScript, no browser API.
 */
import * as v from 'valibot';
import { AUTHORS, LIBRARY_FORMAT, type Library, type Position } from './schema';

const text = (what: string) => v.string(`doit être ${what}`);
const nonEmpty = (what: string) => v.pipe(text(what), v.trim(), v.nonEmpty(`ne doit pas être vide`));
const strings = v.array(v.string('doit être du texte'), 'doit être une liste de textes');
const lineNumber = v.pipe(v.number('doit être un numéro de ligne'), v.integer('doit être un numéro de ligne entier'), v.minValue(1, 'doit être un numéro de ligne (1 ou plus)'));

export const PositionSchema = v.looseObject(
  {
    id: nonEmpty('un identifiant (texte)'),
    text: nonEmpty('la formulation (texte)'),
    author: v.picklist(AUTHORS, `doit être l’un de ${AUTHORS.join(', ')}`),
    speaker: v.optional(text('du texte')),
    organisation: v.optional(text('du texte')),
    measures: strings,
    themes: strings,
    sourceId: nonEmpty('l’identifiant d’une source (texte)'),
    date: text('une date (texte AAAA-MM-JJ)'),
    section: text('du texte'),
    lines: v.tuple([lineNumber, lineNumber], 'doit être une paire de numéros de ligne [début, fin]'),
  },
  'doit être un objet (une position)',
);

export const SourceSchema = v.looseObject(
  {
    id: nonEmpty('un identifiant (texte)'),
    title: text('un titre (texte)'),
    shortTitle: text('un titre court (texte)'),
    kind: text('une sorte de document (texte)'),
    date: text('une date (texte AAAA-MM-JJ)'),
  },
  'doit être un objet (une source)',
);

export const MeasureSchema = v.looseObject(
  { key: nonEmpty('une clé de mesure (texte)'), plan: text('un plan (texte)'), number: text('un numéro (texte)'), title: text('un intitulé (texte)') },
  'doit être un objet (une mesure)',
);

export const ThemeSchema = v.looseObject({ id: nonEmpty('un identifiant (texte)'), label: text('un libellé (texte)') }, 'doit être un objet (un thème)');

const LIBRARY_SHAPE = 'doit être un objet JSON avec format, sources, measures, themes et positions';

export const LibrarySchema = v.looseObject(
  {
    format: v.literal(LIBRARY_FORMAT, `doit valoir ${LIBRARY_FORMAT} (format de bibliothèque que cette version lit)`),
    sources: v.array(SourceSchema, 'doit être une liste de sources'),
    measures: v.array(MeasureSchema, 'doit être une liste de mesures'),
    themes: v.array(ThemeSchema, 'doit être une liste de thèmes'),
    positions: v.array(PositionSchema, 'doit être une liste de positions'),
  },
  LIBRARY_SHAPE,
);

/** A library refused, with the sentence to show. */
export class InvalidLibraryError extends Error {
  override name = 'InvalidLibraryError';
}

/**
 * One French sentence for the first problem: where (`positions[12] (« cr-2014-01-31:8320880a »)`),
 * then what is wrong (« champ « lines » manquant », « doit être du texte (trouvé : 42) »).
 */
export function describeIssue(issue: v.BaseIssue<unknown>, root: unknown): string {
  const path = issue.path ?? [];
  const missing = issue.received === 'undefined' && path.length > 0;
  // A missing field is reported by its object: say which field, at the object's place.
  const steps = missing ? path.slice(0, -1) : path;
  let where = '';
  let node: unknown = root;
  for (const item of steps) {
    const key = item.key as string | number;
    where += typeof key === 'number' ? `[${key}]` : `${where ? '.' : ''}${key}`;
    node = (node as Record<string | number, unknown> | undefined)?.[key];
    // Name a position, source… by its id as well as its index: that is what a reader searches for.
    const id = typeof key === 'number' && node && typeof node === 'object' ? ((node as { id?: unknown }).id ?? (node as { key?: unknown }).key) : undefined;
    if (typeof id === 'string' && id) where += ` (« ${id} »)`;
  }
  const what = missing ? missingField(path) : issueMessage(issue);
  return where ? `${where} : ${what}` : what;
}

/** The issue's own sentence, with what was found when that helps. */
export function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.received === 'undefined' && issue.path?.length) return missingField(issue.path);
  const received = RECEIVED[issue.received] ?? (issue.received.length > 60 ? `${issue.received.slice(0, 60)}…` : issue.received);
  // What was found helps for a wrong type; for a wrong value (empty, out of range) the sentence says it.
  const found = issue.kind === 'schema' && issue.received && issue.received !== 'undefined' ? ` (trouvé : ${received})` : '';
  return `${issue.message}${found}`;
}

/** valibot names what it found in English (`Object`, `Array`): say it in French. */
const RECEIVED: Record<string, string> = { Object: 'un objet', Array: 'une liste', null: 'null', true: 'true', false: 'false' };

function missingField(path: readonly v.IssuePathItem[]): string {
  return `champ « ${String(path[path.length - 1]!.key)} » manquant`;
}

/** The library in `value`, checked; throws `InvalidLibraryError` « <where> : <field> : <what> » otherwise. */
export function parseLibrary(value: unknown, where: string): Library {
  if (Array.isArray(value)) throw new InvalidLibraryError(`${where} : ${LIBRARY_SHAPE} (trouvé : une liste)`);
  const result = v.safeParse(LibrarySchema, value);
  if (!result.success) throw new InvalidLibraryError(`${where} : ${describeIssue(result.issues[0], value)}`);
  return result.output as unknown as Library;
}

/** Whether one stored row is a usable position (the engine needs `lines`, `text`, `themes`…). */
export function isPosition(row: unknown): row is Position {
  return v.is(PositionSchema, row);
}
