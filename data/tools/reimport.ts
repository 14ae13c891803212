/**
 * The report reader measured on real reports (`npm run eval -- --reimport`): each shipped meeting report is imported
 * as if it were new, through the generic reader of imported reports (`data/library/import/reportParser.ts`), and its
 * proposals are compared with the shipped positions, which were read by a parser written for that document and
 * reviewed by hand. A shipped position is found when a proposal holds its first words (or it holds the proposal's);
 * then its author, speaker and measures are compared. What matters most is the government's or the CNCDH's words
 * proposed as the Collectif's or a member's (fidelity rule 2): the table counts them apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isOurs, type Library, type Position } from '../library/schema';
import { proposeImport, type Proposal } from '../library/import/propose';
import { squash } from '../library/extract/verify';

export interface ReimportRow {
  source: string;
  shipped: number;
  found: number;
  author: number;
  speaker: number;
  measures: number;
  proposals: number;
  /** The government's or the CNCDH's words proposed as the Collectif's or a member's. */
  contextAsOurs: number;
  /** The Collectif's or a member's words proposed as the government's or the CNCDH's (not offered: a loss, no breach). */
  oursAsContext: number;
}

function sameStart(p: Position, q: Proposal): boolean {
  const a = squash(p.text);
  const b = squash(q.text);
  return b.includes(a.slice(0, 60)) || a.includes(b.slice(0, 60));
}

export function reimport(library: Library, seedsDir: string): ReimportRow[] {
  const rows: ReimportRow[] = [];
  for (const source of library.sources.filter((s) => s.kind === 'compte-rendu')) {
    const text = readFileSync(join(seedsDir, source.file), 'utf8');
    const { proposals } = proposeImport(text, { title: source.title, date: source.date });
    const shipped = library.positions.filter((p) => p.sourceId === source.id);
    const row: ReimportRow = { source: source.id, shipped: shipped.length, found: 0, author: 0, speaker: 0, measures: 0, proposals: proposals.length, contextAsOurs: 0, oursAsContext: 0 };
    for (const p of shipped) {
      const q = proposals.find((x) => sameStart(p, x));
      if (!q) continue;
      row.found++;
      if (q.author === p.author) row.author++;
      if ((q.speaker ?? '') === (p.speaker ?? '')) row.speaker++;
      if ([...q.measures].sort().join() === [...p.measures].sort().join()) row.measures++;
      if (!isOurs(p.author) && isOurs(q.author)) row.contextAsOurs++;
      if (isOurs(p.author) && !isOurs(q.author)) row.oursAsContext++;
    }
    rows.push(row);
  }
  return rows;
}

export function reimportTable(rows: readonly ReimportRow[]): string {
  const head = '| compte-rendu | positions livrées | retrouvées | même auteur | même orateur | mêmes mesures | propositions | gouvernement ou CNCDH proposés comme nôtres | nôtres proposés comme contexte |';
  const lines = rows.map((r) => `| ${r.source} | ${r.shipped} | ${r.found} | ${r.author} | ${r.speaker} | ${r.measures} | ${r.proposals} | ${r.contextAsOurs} | ${r.oursAsContext} |`);
  return [head, '| --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...lines].join('\n');
}
