/**
 * The issue-14 commands as a user runs them (`npm run -s library -- story|outline`, `match --jsonl`):
 * the real command line in a child process, its output and exit code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { outline } from '../../data/library/outline';
import { shippedLibrary } from '../../data/tools/cli-lib';

const ROOT = join(import.meta.dirname, '../..');
const run = (args: string[], input?: string) => spawnSync(process.execPath, ['--import', 'tsx', 'data/tools/cli.ts', ...args], { cwd: ROOT, input, encoding: 'utf8' });

describe('command line', { timeout: 60_000 }, () => {
  test('story --json: the entries in date order with date, author, text and citation fields', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'data/tools/cli.ts', 'library', 'story', 'PAN1-4bis', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const { subject, entries } = JSON.parse(out) as { subject: string; entries: Array<Record<string, unknown>> };
    expect(subject).toBe('PAN1-4bis');
    const dates = entries.map((e) => e.date as string);
    expect(dates).toEqual([...dates].sort());
    for (const e of entries) for (const field of ['date', 'author', 'text', 'sourceId', 'section', 'citation']) expect(e[field], field).toBeTruthy();
  });

  test('story --json: a sentence the synthesis gives the Collectif and the full account a member is one entry, with both places', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'data/tools/cli.ts', 'library', 'story', 'PAN1-5', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const { entries } = JSON.parse(out) as { entries: Array<{ text: string; author: string; alsoAt?: string[] }> };
    const said = entries.filter((e) => e.text.includes('parle de « possibilité » de délivrer'));
    expect(said.map((e) => [e.author, e.alsoAt])).toEqual([['collectif', ['cr-2014-02-03:fb5b38f4']]]);
  });

  test('outline prints what the panel copies; --with narrows it; a mistake says what and exits 2', () => {
    expect(run(['library', 'outline', 'PAN1-4bis', 'PAN1-5']).stdout).toBe(outline(shippedLibrary(), ['PAN1-4bis', 'PAN1-5']).text);
    expect(run(['library', 'outline', 'PAN1-5', '--with', 'Matignon']).stdout).toContain('24 juin 2014');
    const bad = run(['library', 'story', 'PAN1-99']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Mesure ou thème inconnu : « PAN1-99 »');
  });

  test('match --jsonl: the result the paragraph departs from carries the two spans', () => {
    const out = run(['match', '--jsonl'], `${JSON.stringify({ id: 'q', text: 'Nous demandons un délai de réflexion de 45 jours pour les victimes de traite.' })}\n`).stdout;
    const { results } = JSON.parse(out) as { results: Array<{ divergence?: unknown }> };
    expect(results.map((r) => r.divergence).filter(Boolean)[0]).toEqual({ draft: '45 jours', position: '3 mois' });
  });
});
