/**
 * What the command line accepts, checked before anything runs: options (`--k`, `--library`,
 * `--jsonl`…) and each input line of `match --jsonl` and `eval`, with valibot schemas (the same
 * library as `data/library/validateLibrary.ts`). Every refusal is one French sentence saying what
 * and where (« ligne 3 : … »), never a stack trace, never a silent coercion (`--k 2.5` is not 3).
 * Pure: no file or process access, so the rules are unit-tested directly.
 */
import * as v from 'valibot';
import { issueMessage } from '../library/validateLibrary';
import type { EvalQuery } from './evaluate';

/** A refusal of the command line's input; `code` is the exit code (2: how it was called, 1: what it was given). */
export class CliInputError extends Error {
  override name = 'CliInputError';
  constructor(
    message: string,
    readonly code: 1 | 2 = 2,
  ) {
    super(message);
  }
}

/** `--k`: how many positions to return. The panel shows 5; more than 50 is never useful. */
export const MAX_K = 50;

const KSchema = v.pipe(
  v.string(),
  v.regex(/^\d+$/, `--k attend un nombre entier de 1 à ${MAX_K}`),
  v.transform(Number),
  v.number(),
  v.minValue(1, `--k attend un nombre entier de 1 à ${MAX_K}`),
  v.maxValue(MAX_K, `--k attend un nombre entier de 1 à ${MAX_K}`),
);

export interface ParsedArgs {
  /** Values of the options that take one (`--k 5`), the presence of the others (`--jsonl`). */
  values: Map<string, string>;
  flags: Set<string>;
  /** Everything that is not an option, in order. */
  rest: string[];
}

/**
 * Splits `args` by the options a command accepts: `withValue` take the next argument, `flags` none.
 * An unknown option, or an option without its value, is refused with the list of those accepted.
 */
export function parseArgs(args: readonly string[], command: string, options: { withValue?: string[]; flags?: string[] }): ParsedArgs {
  const withValue = new Set(options.withValue ?? []);
  const flagNames = new Set(options.flags ?? []);
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') rest.push(arg);
      continue;
    }
    if (withValue.has(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new CliInputError(`${command} : l’option ${arg} attend une valeur.`);
      if (values.has(arg)) throw new CliInputError(`${command} : l’option ${arg} est donnée deux fois.`);
      values.set(arg, value);
      i++;
    } else if (flagNames.has(arg)) {
      flags.add(arg);
    } else {
      const known = [...withValue, ...flagNames];
      throw new CliInputError(`${command} : option inconnue ${arg}${known.length ? ` (options : ${known.join(', ')})` : ''}.`);
    }
  }
  return { values, flags, rest };
}

/** `--k`, 5 when absent. */
export function parseK(raw: string | undefined): number {
  if (raw === undefined) return 5;
  const result = v.safeParse(KSchema, raw.trim());
  if (!result.success) throw new CliInputError(`match : ${result.issues[0].message}, reçu « ${raw} ».`);
  return result.output;
}

const QUERY_SHAPE = 'la ligne doit être un objet {"id": …, "text": "…"}';
const EVAL_SHAPE = 'la ligne doit être un objet {"id", "kind", "text", "expect"}';

const QuerySchema = v.looseObject(
  {
    id: v.union([v.pipe(v.string(), v.nonEmpty()), v.number()], 'le champ « id » doit être un texte ou un nombre'),
    text: v.pipe(v.string('le champ « text » doit être du texte'), v.trim(), v.nonEmpty('le champ « text » est vide')),
  },
  QUERY_SHAPE,
);

const EvalSchema = v.looseObject(
  {
    id: v.pipe(v.string('le champ « id » doit être un texte'), v.nonEmpty('le champ « id » est vide')),
    kind: v.picklist(['topic', 'offtopic', 'author'], 'le champ « kind » doit valoir topic, offtopic ou author'),
    text: v.pipe(v.string('le champ « text » doit être du texte'), v.trim(), v.nonEmpty('le champ « text » est vide')),
    expect: v.looseObject(
      {
        anyText: v.optional(v.array(v.string(), 'expect.anyText doit être une liste de textes')),
        measures: v.optional(v.array(v.string(), 'expect.measures doit être une liste de textes')),
        themes: v.optional(v.array(v.string(), 'expect.themes doit être une liste de textes')),
        notCollectifText: v.optional(v.array(v.string(), 'expect.notCollectifText doit être une liste de textes')),
        empty: v.optional(v.boolean('expect.empty doit valoir true ou false')),
      },
      'le champ « expect » doit être un objet',
    ),
  },
  EVAL_SHAPE,
);

export interface Lines<T> {
  /** The valid lines, with their 1-based line number. */
  items: Array<T & { line: number }>;
  /** One sentence per bad line, « ligne 3 : … ». */
  errors: string[];
}

/** Lines of JSON objects (`.jsonl`): blank lines skipped, a UTF-8 BOM ignored, each line checked on its own. */
function parseJsonLines<T>(input: string, schema: v.GenericSchema<unknown, T>, shape: string, where: string): Lines<T> {
  const items: Array<T & { line: number }> = [];
  const errors: string[] = [];
  const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push(`${where}ligne ${line} : JSON illisible (${error instanceof Error ? error.message : String(error)}).`);
      return;
    }
    // valibot takes an array for an object whose fields are missing: say what the line is instead.
    const result = Array.isArray(value) ? undefined : v.safeParse(schema, value);
    if (!result) errors.push(`${where}ligne ${line} : ${shape} (trouvé : une liste).`);
    else if (result.success) items.push({ ...(result.output as T), line });
    else errors.push(`${where}ligne ${line} : ${issueMessage(result.issues[0])}.`);
  });
  return { items, errors };
}

/** `match --jsonl`: lines `{"id","text"}`. */
export function parseQueryLines(input: string): Lines<{ id: string | number; text: string }> {
  return parseJsonLines(input, QuerySchema, QUERY_SHAPE, '');
}

/** `eval FILE`: lines of the development set (`tests/fixtures/eval/dev-queries.jsonl`). */
export function parseEvalLines(input: string, file: string): Lines<EvalQuery> {
  return parseJsonLines(input, EvalSchema as unknown as v.GenericSchema<unknown, EvalQuery>, EVAL_SHAPE, `${file}, `);
}

/** `JSON.parse` with the line and column of a syntax error, for a reader with a text editor. */
export function parseJsonFile(content: string, file: string): unknown {
  const text = content.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = errorOffset(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    if (offset >= text.length) throw new CliInputError(`${file} : JSON incomplet, le fichier s’arrête ligne ${line} avant la fin du JSON (${message}).`, 1);
    throw new CliInputError(`${file}, ligne ${line}, colonne ${before.length - before.lastIndexOf('\n')} : JSON illisible (${message}).`, 1);
  }
}

/**
 * Where JSON text stops being valid. Engines do not all say (V8 in Node 20 gives no position for
 * « Unexpected token »): the shortest prefix that fails for another reason than ending too soon
 * ends at the bad character, found by bisection (a few parses, even for a large file).
 */
function errorOffset(text: string): number {
  const failsInside = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (/end of JSON input|Unterminated/i.test(message)) return false;
      const at = /position (\d+)/.exec(message);
      return !at || Number(at[1]) < length;
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsInside(mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
