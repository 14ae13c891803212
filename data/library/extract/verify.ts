/**
 * Checks that keep the library honest: every wording verbatim from its source, every
 * measure of the 2014 plan covered by the Collectif's own words, every key known. Each
 * problem says what and where, in French, for `npm run library -- check`.
 */
import { MEASURE_REASONS, PASSAGE_KINDS, isOurs, type Library, type MeasureReason, type Position } from '../schema';
import { isTail, LEAD_IN, startsDependent } from './segment';
import { apostropheScars } from './text';
import { isFurniture, readLines, stripMarks } from './text';

export interface Problem {
  where: string;
  what: string;
}

/** Letters and digits only, lower-case, accents and ligatures folded: how wording is compared. */
export function squash(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]/g, '');
}

/** The source as the pipeline reads it: formatting marks and furniture lines removed, nothing else. */
export function cleanedSource(text: string): string {
  return readLines(text)
    .filter((l) => !isFurniture(l.text))
    .map((l) => stripMarks(l.text))
    .join('\n');
}

/** Fragments a reader would check: the runs between punctuation marks, 20 letters or more. */
export function fragments(text: string): string[] {
  return text
    .split(/[.,;:!?«»()"“”\[\]…–—]/)
    .map(squash)
    .filter((f) => f.replace(/[0-9]/g, '').length >= 20);
}

export interface VerbatimReport {
  /** Positions whose whole text is found, letter for letter, in the cleaned source. */
  whole: number;
  /** Positions every fragment of which is found in the raw source text (a reader's check). */
  fragments: number;
  /** Failures: a fragment found neither in the raw source nor as the parser read it. */
  total: number;
  failures: Problem[];
}

/**
 * `parsed` (optional): each source as its parser read it (see `parsedText`); a fragment
 * found there but not in the raw text is one a footnote or a sidebar interrupted.
 */
export function verifyVerbatim(lib: Library, texts: Record<string, string>, parsed: Record<string, string> = {}): VerbatimReport {
  const bySource = new Map(lib.sources.map((s) => [s.id, s.file]));
  const cache = new Map<string, { raw: string; clean: string; parsed: string }>();
  const forFile = (file: string) => {
    let c = cache.get(file);
    if (!c) {
      c = { raw: squash(texts[file] ?? ''), clean: squash(cleanedSource(texts[file] ?? '')), parsed: squash(parsed[file] ?? '') };
      cache.set(file, c);
    }
    return c;
  };
  const report: VerbatimReport = { whole: 0, fragments: 0, total: lib.positions.length, failures: [] };
  for (const p of lib.positions) {
    const file = bySource.get(p.sourceId);
    if (!file || texts[file] === undefined) {
      report.failures.push({ where: p.id, what: `source inconnue « ${p.sourceId} »` });
      continue;
    }
    const src = forFile(file);
    if (src.clean.includes(squash(p.text))) report.whole++;
    // The check that fails a position is the reader's: every fragment of 20 letters or more
    // is in the source as written. (A whole-text match can legitimately break where the
    // source had a footnote or a running head in the middle of the sentence.)
    const frags = fragments(p.text);
    if (frags.every((f) => src.raw.includes(f))) report.fragments++;
    const missing = frags.filter((f) => !src.raw.includes(f) && !src.parsed.includes(f));
    if (missing.length)
      report.failures.push({
        where: `${p.id} (${file}, lignes ${p.lines[0]}-${p.lines[1]})`,
        what: `fragment introuvable dans la source : « ${missing[0].slice(0, 60)} » (position « ${p.text.slice(0, 60)}… »)`,
      });
  }
  return report;
}

/** Measures of the 2014 plan: 1-23, plus 4 bis and 11 bis, which the draft dropped. */
export const PAN1_MEASURES = [
  ...Array.from({ length: 23 }, (_, i) => `PAN1-${i + 1}`),
  'PAN1-4bis',
  'PAN1-11bis',
];

export function checkLibrary(lib: Library, texts: Record<string, string>, parsed: Record<string, string> = {}): Problem[] {
  const problems: Problem[] = [];
  const measureKeys = new Set(lib.measures.map((m) => m.key));
  const themeIds = new Set(lib.themes.map((t) => t.id));
  const ids = new Set<string>();
  const lineCounts = new Map(lib.sources.map((s) => [s.id, readLines(texts[s.file] ?? '').length]));

  const verbatim = verifyVerbatim(lib, texts, parsed);
  problems.push(...verbatim.failures);
  for (const r of ruleReports(lib, texts)) problems.push(...r.problems);

  for (const p of lib.positions) {
    const where = `${p.id} (${p.section || 'sans section'})`;
    if (ids.has(p.id)) problems.push({ where, what: 'identifiant en double' });
    ids.add(p.id);
    if (!p.themes.length) problems.push({ where, what: 'aucun thème' });
    for (const m of p.measures) if (!measureKeys.has(m)) problems.push({ where, what: `mesure inconnue « ${m} »` });
    for (const t of p.themes) if (!themeIds.has(t)) problems.push({ where, what: `thème inconnu « ${t} »` });
    const n = lineCounts.get(p.sourceId) ?? 0;
    if (p.lines[0] < 1 || p.lines[1] < p.lines[0] || p.lines[1] > n)
      problems.push({ where, what: `lignes ${p.lines[0]}-${p.lines[1]} hors de la source (${n} lignes)` });
    if (/\*\*|<\/?sup>|<\/?i>/.test(p.text)) problems.push({ where, what: 'marques de mise en forme restées dans le texte' });
  }

  for (const key of PAN1_MEASURES) {
    if (!lib.positions.some((p) => isOurs(p.author) && p.measures.includes(key)))
      problems.push({ where: key, what: 'aucune position du Collectif ou d’une association sur cette mesure' });
  }
  for (let i = 1; i <= 23; i++) {
    const m = lib.measures.find((x) => x.key === `PAN1-${i}`);
    if (!m?.cncdhStatus) problems.push({ where: `PAN1-${i}`, what: 'statut CNCDH 2017 manquant' });
  }
  for (const s of lib.sources) {
    const n = lib.positions.filter((p) => p.sourceId === s.id).length;
    if (n < 15) problems.push({ where: s.id, what: `seulement ${n} positions extraites (15 au moins attendues)` });
  }
  return problems;
}

/** One rule of the extraction, as `library check` reports it: how many passages it touched, and the first few. */
export interface RuleReport {
  rule: string;
  count: number;
  examples: string[];
  /** Offenders that fail the check (each is also a `Problem`). */
  problems: Problem[];
}

const short = (p: Position) => `${p.id} « ${p.text.slice(0, 70).replace(/\n/g, ' ')}${p.text.length > 70 ? '…' : ''} »`;

/**
 * The issue 9 rules, each with its count and first offenders: measure reasons, speakers
 * inside turns and quoted positions, passages that read alone, kinds, extraction scars,
 * duplicates. Hard rules (a key without a reason, a position ending in « : », a scar left,
 * two identical wordings) are problems.
 */
export function ruleReports(lib: Library, texts?: Record<string, string>): RuleReport[] {
  const P = lib.positions;
  const rule = (name: string, hits: Position[], fail = false, why = ''): RuleReport => ({
    rule: name,
    count: hits.length,
    examples: hits.slice(0, 3).map(short),
    problems: fail ? hits.map((p) => ({ where: `${p.id} (${p.section || 'sans section'})`, what: why })) : [],
  });
  const byReason = (r: MeasureReason) => P.filter((p) => p.measures.some((k) => p.measureReasons?.[k] === r));
  const seen = new Map<string, Position>();
  const twins: Position[] = [];
  for (const p of P) {
    const k = `${p.author}|${squash(p.text)}`;
    if (seen.has(k)) twins.push(p);
    else seen.set(k, p);
  }
  return [
    ...MEASURE_REASONS.map((r) => rule(`mesures — clé par ${r}`, byReason(r))),
    rule('mesures — clé sans raison', P.filter((p) => p.measures.some((k) => !p.measureReasons?.[k])), true, 'clé de mesure sans raison (section, mention ou indice)'),
    rule('voix — remarque d’une association dans un passage du Collectif', P.filter((p) => p.author === 'association' && P.some((q) => q.sourceId === p.sourceId && q.section === p.section && q.author === 'collectif' && q.speaker === p.speaker))),
    rule('voix — position citée ou rapportée par un autre organisme (le Collectif par la CNCDH, le gouvernement par la CNCDH ou le Collectif)', P.filter((p) => p.quotedIn)),
    rule('lecture seule — passages avec une phrase de contexte', P.filter((p) => p.context)),
    rule('lecture seule — introduction et ses éléments réunis', P.filter((p) => /:\n/.test(p.text))),
    rule('lecture seule — position finissant par « : »', P.filter((p) => LEAD_IN.test(p.text)), true, 'la position finit par « : » : son introduction est séparée de ses éléments'),
    rule('lecture seule — ouverture dépendante sans contexte', P.filter((p) => !p.context && startsDependent(p.text))),
    rule('lecture seule — fragment seul', P.filter((p) => isTail(p.text)), true, 'fragment qui ne dit rien seul (« Et … », « Comme … »)'),
    rule('intertitres — revendications en titre', P.filter((p) => p.heading)),
    ...PASSAGE_KINDS.map((k) => rule(`nature — ${k}`, P.filter((p) => p.kind === k))),
    rule('nature — CNCDH sans nature', P.filter((p) => p.author === 'cncdh' && !p.kind), true, 'passage de la CNCDH sans nature (observation ou recommandation)'),
    rule('cicatrices — apostrophes restaurées (vérifiées mot pour mot contre la source)', texts ? P.filter((p) => restoredHere(p, lib, texts)) : []),
    rule('cicatrices — apostrophe perdue restante', P.filter((p) => apostropheScars(p.text).length > 0), true, 'apostrophe perdue à l’extraction (« n ont », « C est ») : la règle de restauration ne l’a pas rendue'),
    rule('doublons — positions à plusieurs citations', P.filter((p) => (p.citations?.length ?? 0) > 1)),
    rule('doublons — même texte, même auteur, deux positions', twins, true, 'texte identique à une autre position du même auteur : à fusionner'),
  ];
}

/** A position whose source lines carry a lost apostrophe (« n ont ») that its text gives back (« n’ont »). */
function restoredHere(p: Position, lib: Library, texts: Record<string, string>): boolean {
  const file = lib.sources.find((s) => s.id === p.sourceId)?.file;
  if (!file || texts[file] === undefined) return false;
  const region = readLines(texts[file]).slice(p.lines[0] - 1, p.lines[1]).map((l) => l.text).join(' ');
  const scars = apostropheScars(region).map((x) => x.replace(/\s+/g, ' ').slice(0, 5));
  return scars.some((x) => p.text.includes(x.replace(' ', '’')) || p.text.includes(x.replace(' ', "'")));
}

/** Counts for `library stats`. */
export function stats(lib: Library): { bySource: Record<string, number>; byAuthor: Record<string, number>; byMeasure: Record<string, number>; byReason: Record<string, number> } {
  const count = (f: (p: Position) => string[]) => {
    const out: Record<string, number> = {};
    for (const p of lib.positions) for (const k of f(p)) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  return {
    bySource: count((p) => [p.sourceId]),
    byAuthor: count((p) => [p.author]),
    byMeasure: count((p) => p.measures),
    byReason: count((p) => p.measures.map((k) => p.measureReasons?.[k] ?? 'sans raison')),
  };
}
