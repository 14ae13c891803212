/** `npm run -s library -- import …`: the same import, headless, as a user would run it. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const REPORT = join(ROOT, 'tests/fixtures/reports/cr-2026-11-18-non-sanction.odt');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'data/tools/cli.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('library import', () => {
  test('--json prints the source and its positions, and writes nothing', async () => {
    const r = await run('library', 'import', REPORT, '--title', 'Rencontre au ministère de la Justice', '--date', '2026-11-18', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { source: { id: string; origin: string }; positions: { author: string; speaker?: string; measures: string[]; themes: string[]; section: string; lines: number[] }[] };
    expect(out.source).toMatchObject({ id: 'imp-2026-11-18-rencontre-ministere-justice', origin: 'imported' });
    expect(out.positions).toHaveLength(16);
    expect(out.positions.find((p) => p.speaker === 'M. Albert')).toMatchObject({ author: 'association', measures: ['PAN1-21'], section: "2. L'indemnisation par la CIVI" });
  }, 60_000);

  test('--into writes the whole library in the export format; match and export read it back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'positions-')), 'bibliotheque.json');
    const r = await run('library', 'import', REPORT, '--title', 'Rencontre au ministère de la Justice', '--date', '2026-11-18', '--speaker', 'Collectif', '--into', out);
    expect(r.code).toBe(0);
    const lib = JSON.parse(readFileSync(out, 'utf8')) as { formatVersion: number; sources: { id: string }[]; positions: unknown[] };
    expect(lib.formatVersion).toBe(1);
    expect(lib.sources.map((s) => s.id)).toContain('imp-2026-11-18-rencontre-ministere-justice');
    const m = await run('match', '--library', out, 'Il faut que les avoirs saisis sur les exploiteurs abondent le fonds dédié aux victimes.');
    expect(m.stdout).toMatch(/^1\. \[association — M\. Albert\]/m);
    const check = await run('library', 'check', '--library', out);
    expect(check.stdout).toMatch(/6 sources \(dont 1 importées\), \d+ positions\. Aucun problème/);
    const again = await run('library', 'import', REPORT, '--title', 'Rencontre au ministère de la Justice', '--date', '2026-11-18', '--into', out, '--library', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('contient déjà une source « imp-2026-11-18-rencontre-ministere-justice »');
  }, 120_000);

  test('bad input: the message says what and which file, exit code 1', async () => {
    const r = await run('library', 'import', join(ROOT, 'tests/fixtures/reports/scan.pdf'), '--title', 'Scan', '--date', '2026-11-18', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("« scan.pdf » : ce PDF ne contient pas de texte : il s'agit sans doute d'un scan");
    expect(r.stdout).toBe('');
  }, 60_000);

  test('a missing file is the one named: the report, or the library it goes into', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'positions-'));
    const absent = join(dir, 'absent.odt');
    const noReport = await run('library', 'import', absent, '--title', 'Absent', '--date', '2026-11-18', '--json');
    expect(noReport).toMatchObject({ code: 1, stdout: '' });
    expect(noReport.stderr.trim()).toBe(`import : ${absent} : fichier introuvable.`);
    const noLibrary = await run('library', 'import', REPORT, '--title', 'Rencontre', '--date', '2026-11-18', '--into', join(dir, 'out.json'), '--library', join(dir, 'absente.json'));
    expect(noLibrary.code).toBe(1);
    expect(noLibrary.stderr.trim()).toBe(`--library ${join(dir, 'absente.json')} : fichier introuvable.`);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  }, 60_000);

  test('--into a folder that does not exist: said, and nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'positions-'));
    const out = join(dir, 'pas-de-dossier', 'bibliotheque.json');
    const r = await run('library', 'import', REPORT, '--title', 'Rencontre', '--date', '2026-11-18', '--into', out);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`--into ${out} : son dossier n’existe pas ; rien n’a été écrit.`);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
