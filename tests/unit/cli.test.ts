/**
 * Issue 12 item 8, through the real command (`tsx data/tools/cli.ts`, as `npm run match` runs it):
 * the inputs that used to crash with a stack trace or answer silently wrong now get one French
 * sentence naming the line or the file, and a non-zero exit when nothing valid was read.
 * Also `--library FILE` (a library in the export format instead of the shipped one).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GENERATED } from '../../data/tools/cli-lib';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'positions-cli-'));

function cli(args: string[], input = '') {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'data/tools/cli.ts', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('match on a text, for a person', { timeout: 60_000 }, () => {
  test('says how likely the text is on topic beside the threshold the panel answers from, then the ranking or why it stays quiet', () => {
    const threshold = (JSON.parse(readFileSync(join(ROOT, 'data/engine/generated/gate.json'), 'utf8')) as { threshold: number }).threshold.toFixed(2);
    const on = cli(['match', 'Le délai de réflexion doit être porté à trois mois pour toutes les victimes.']);
    expect(on.code).toBe(0);
    const line = /probabilité (\d\.\d\d) \(le panneau répond à partir de (\d\.\d\d)\)/.exec(on.stdout);
    expect(line?.[2]).toBe(threshold);
    expect(Number(line?.[1])).toBeGreaterThanOrEqual(Number(threshold));
    expect(on.stdout).toMatch(/^1\. \[collectif/m);

    const off = cli(['match', 'La réunion de bureau est reportée à mardi 14h, même salle.']);
    const p = /probabilité (\d\.\d\d)/.exec(off.stdout)?.[1];
    expect(Number(p)).toBeLessThan(Number(threshold));
    expect(off.stdout).toContain('le panneau reste discret');
    expect(off.stdout).not.toMatch(/^1\. /m);
  });
});

describe('match --jsonl', { timeout: 60_000 }, () => {
  test('a null line, a number, an array, an object as text: each named by its line, the good line still answered', () => {
    const input = ['null', '42', '["a"]', '{"id":"o","text":{"a":1}}', '{"id":"ok","text":"le délai de réflexion de trente jours"}'].join('\n');
    const run = cli(['match', '--k', '2', '--jsonl'], input);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(run.stderr.trim().split('\n')).toEqual([
      'match --jsonl, ligne 1 : la ligne doit être un objet {"id": …, "text": "…"} (trouvé : null).',
      'match --jsonl, ligne 2 : la ligne doit être un objet {"id": …, "text": "…"} (trouvé : 42).',
      'match --jsonl, ligne 3 : la ligne doit être un objet {"id": …, "text": "…"} (trouvé : une liste).',
      'match --jsonl, ligne 4 : le champ « text » doit être du texte (trouvé : un objet).',
    ]);
    const out = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; results: unknown[] });
    expect(out.map((o) => o.id)).toEqual(['ok']);
    expect(out[0]!.results).toHaveLength(2);
    expect(run.code).toBe(0);
  });

  test('nothing valid read: non-zero exit', () => {
    const run = cli(['match', '--jsonl'], 'null\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('match --jsonl : aucune ligne valable (1 refusée(s)).');
  });

  test('a UTF-8 BOM does not cost the first line', () => {
    const run = cli(['match', '--k', '1', '--jsonl'], '\uFEFF{"id":"first","text":"le délai de réflexion"}\n');
    expect(run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['first']);
  });

  test('--k abc is refused instead of returning everything', () => {
    const run = cli(['match', '--k', 'abc', '--jsonl'], '{"id":"a","text":"délai"}\n');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr.trim()).toBe('match : --k attend un nombre entier de 1 à 50, reçu « abc ».');
  });
});

describe('eval', { timeout: 60_000 }, () => {
  test('a missing file is said, not thrown', () => {
    const run = cli(['eval', join(dir, 'absent.jsonl')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`eval : ${join(dir, 'absent.jsonl')} : fichier introuvable.`);
  });

  test('a bad JSON line is named, and no score is given over part of the set', () => {
    const file = join(dir, 'queries.jsonl');
    writeFileSync(file, '{"id":"d1","kind":"topic","text":"délai","expect":{}}\n{"id":"d2",\n');
    const run = cli(['eval', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`eval : ${file}, ligne 2 : JSON illisible (`);
    expect(run.stderr).toContain('eval : 1 ligne(s) refusée(s) ; aucun score calculé.');
  });
});

describe('--library FILE', { timeout: 60_000 }, () => {
  const shipped = JSON.parse(readFileSync(GENERATED, 'utf8')) as { positions: Array<Record<string, unknown>> };

  test('match reads the given library: without the positions on the reflection period, none is offered', () => {
    const query = '{"id":"q","text":"Nous demandons que le délai de réflexion soit porté à trois mois."}\n';
    const ids = (stdout: string) => (JSON.parse(stdout) as { results: Array<{ id: string; text: string }> }).results;
    const withShipped = ids(cli(['match', '--k', '5', '--jsonl'], query).stdout);
    expect(withShipped.some((r) => r.text.includes('réflexion'))).toBe(true);

    const without = { ...shipped, positions: shipped.positions.filter((p) => !String(p.text).includes('réflexion')) };
    const file = join(dir, 'without.json');
    writeFileSync(file, JSON.stringify(without));
    const run = cli(['match', '--library', file, '--k', '5', '--jsonl'], query);
    expect(run.code).toBe(0);
    expect(ids(run.stdout).some((r) => r.text.includes('réflexion'))).toBe(false);
  });

  test('a library with a bad field is refused by export and check, naming the file and the position', () => {
    const broken = structuredClone(shipped);
    const id = broken.positions[2]!.id as string;
    delete broken.positions[2]!.lines;
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    for (const command of ['export', 'check']) {
      const run = cli(['library', command, '--library', file]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim()).toBe(`Bibliothèque refusée : ${file} : positions[2] (« ${id} ») : champ « lines » manquant.`);
    }
  });

  test('a library file that cannot be read is named, with why, by every command that takes one: no stack trace', () => {
    const absent = join(dir, 'absente.json');
    for (const args of [['match', '--library', absent, 'délai de réflexion'], ['library', 'export', '--library', absent], ['library', 'check', '--library', absent], ['library', 'story', 'PAN1-5', '--library', absent], ['library', 'outline', 'PAN1-5', '--library', absent]]) {
      const run = cli(args);
      expect(run, args.join(' ')).toMatchObject({ code: 1, stdout: '' });
      expect(run.stderr.trim(), args.join(' ')).toBe(`--library ${absent} : fichier introuvable.`);
    }
    const run = cli(['library', 'check', '--library', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`--library ${dir} : c’est un dossier, pas un fichier.`);
  });

  test('export --library writes back the library it read', () => {
    const file = join(dir, 'whole.json');
    writeFileSync(file, JSON.stringify(shipped));
    const run = cli(['library', 'export', '--library', file]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(shipped);
  });
});
