/**
 * Issue 12 item 8: the command line refuses bad input with a French sentence saying what and
 * where, instead of a stack trace or a silent coercion. The rules (`data/tools/cliInput.ts`,
 * `data/library/validateLibrary.ts`) are tested here; `cli.test.ts` runs the real command.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CliInputError, parseArgs, parseEvalLines, parseJsonFile, parseK, parseQueryLines } from '../../data/tools/cliInput';
import { GENERATED } from '../../data/tools/cli-lib';
import { InvalidLibraryError, parseLibrary } from '../../data/library/validateLibrary';
import { LIBRARY_FORMAT } from '../../data/library/schema';

describe('--k', () => {
  test.each([
    [undefined, 5],
    ['1', 1],
    ['12', 12],
    ['50', 50],
  ])('%s → %s', (raw, k) => {
    expect(parseK(raw)).toBe(k);
  });

  // Each of these used to be coerced: abc → everything, -1 → nothing (exit 0), 2.5 → 3.
  test.each(['abc', '-1', '2.5', '0', '51', '', '1e3', '0x10'])('« %s » is refused, saying what --k takes', (raw) => {
    expect(() => parseK(raw)).toThrow(new CliInputError(`match : --k attend un nombre entier de 1 à 50, reçu « ${raw} ».`));
  });
});

describe('options', () => {
  test('an unknown option is refused with the list of those accepted', () => {
    expect(() => parseArgs(['--kk', '3'], 'match', { withValue: ['--k'], flags: ['--jsonl'] })).toThrow('match : option inconnue --kk (options : --k, --jsonl).');
  });

  test('an option without its value is refused', () => {
    expect(() => parseArgs(['--library'], 'library export', { withValue: ['--library'] })).toThrow('library export : l’option --library attend une valeur.');
    expect(() => parseArgs(['--k', '--jsonl'], 'match', { withValue: ['--k'], flags: ['--jsonl'] })).toThrow('match : l’option --k attend une valeur.');
  });

  test('values, flags and the rest are told apart', () => {
    const parsed = parseArgs(['--', '--k', '3', 'délai', '--jsonl', 'de réflexion'], 'match', { withValue: ['--k'], flags: ['--jsonl'] });
    expect(parsed.values.get('--k')).toBe('3');
    expect([...parsed.flags]).toEqual(['--jsonl']);
    expect(parsed.rest).toEqual(['délai', 'de réflexion']);
  });
});

describe('match --jsonl lines', () => {
  test.each([
    ['null', 'ligne 1 : la ligne doit être un objet {"id": …, "text": "…"} (trouvé : null).'],
    ['42', 'ligne 1 : la ligne doit être un objet {"id": …, "text": "…"} (trouvé : 42).'],
    ['["a", "b"]', 'ligne 1 : la ligne doit être un objet {"id": …, "text": "…"} (trouvé : une liste).'],
    ['{"id": "q1", "text": {"a": 1}}', 'ligne 1 : le champ « text » doit être du texte (trouvé : un objet).'],
    ['{"id": "q1", "text": 42}', 'ligne 1 : le champ « text » doit être du texte (trouvé : 42).'],
    ['{"id": "q1", "text": "   "}', 'ligne 1 : le champ « text » est vide.'],
    ['{"text": "délai"}', 'ligne 1 : champ « id » manquant.'],
    ['{"id": null, "text": "délai"}', 'ligne 1 : le champ « id » doit être un texte ou un nombre (trouvé : null).'],
    ['{"id": "q1", "text": "délai"', 'ligne 1 : JSON illisible'],
  ])('%s → %s', (line, error) => {
    const parsed = parseQueryLines(line);
    expect(parsed.items).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toContain(error);
  });

  test('good lines are kept with their line number, bad ones named by theirs; blank lines and a BOM are not lines', () => {
    const parsed = parseQueryLines('\uFEFF{"id": "a", "text": "délai de réflexion"}\n\nnull\r\n{"id": 7, "text": "titre de séjour"}\n');
    expect(parsed.items).toEqual([
      { id: 'a', text: 'délai de réflexion', line: 1 },
      { id: 7, text: 'titre de séjour', line: 4 },
    ]);
    expect(parsed.errors).toEqual(['ligne 3 : la ligne doit être un objet {"id": …, "text": "…"} (trouvé : null).']);
  });
});

describe('eval lines', () => {
  test('each bad line is named by its file and number', () => {
    const parsed = parseEvalLines('{"id":"d1","kind":"topic","text":"délai","expect":{}}\n{"id":"d2","kind":"sujet","text":"x","expect":{}}\npas du JSON\n', 'requetes.jsonl');
    expect(parsed.items.map((q) => q.id)).toEqual(['d1']);
    expect(parsed.errors).toEqual([
      'requetes.jsonl, ligne 2 : le champ « kind » doit valoir topic, offtopic ou author (trouvé : "sujet").',
      expect.stringMatching(/^requetes\.jsonl, ligne 3 : JSON illisible \(/),
    ]);
  });
});

describe('--library FILE', () => {
  const shipped = JSON.parse(readFileSync(GENERATED, 'utf8')) as { positions: Array<Record<string, unknown>> };

  test('the shipped library (the export format) is accepted as it is', () => {
    expect(parseLibrary(shipped, 'library.json').positions).toHaveLength(shipped.positions.length);
  });

  test('the first bad field is named with its position’s index and id', () => {
    const broken = structuredClone(shipped);
    const id = broken.positions[3]!.id as string;
    delete broken.positions[3]!.lines;
    broken.positions[5]!.author = 'moi';
    expect(() => parseLibrary(broken, 'ma-bibliotheque.json')).toThrow(new InvalidLibraryError(`ma-bibliotheque.json : positions[3] (« ${id} ») : champ « lines » manquant`));
  });

  test('an unknown author is refused, saying which ones exist', () => {
    const broken = structuredClone(shipped);
    broken.positions[0]!.author = 'moi';
    expect(() => parseLibrary(broken, 'b.json')).toThrow(/b\.json : positions\[0\] \(« .+ »\)\.author : doit être l’un de collectif, association, cncdh, gouvernement \(trouvé : "moi"\)/);
  });

  test('another format, or not a library at all', () => {
    expect(() => parseLibrary({ ...shipped, format: 1 }, 'b.json')).toThrow(`b.json : format : doit valoir ${LIBRARY_FORMAT} (format de bibliothèque que cette version lit) (trouvé : 1)`);
    expect(() => parseLibrary([], 'b.json')).toThrow('b.json : doit être un objet JSON avec format, sources, measures, themes et positions (trouvé : une liste)');
  });

  test('a JSON syntax error gives its line and column', () => {
    expect(() => parseJsonFile('{\n  "format": 1,\n  "sources": [,]\n}', 'b.json')).toThrow(/^b\.json, ligne 3, colonne 15 : JSON illisible/);
  });
});
