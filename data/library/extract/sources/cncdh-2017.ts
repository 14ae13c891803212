/**
 * `004_…`: the CNCDH's « Évaluation de la mise en œuvre du plan d'action national contre la
 * traite des êtres humains (2014-2016) », adopted on 6 July 2017. General observations
 * (« Introduction »), then for each of the plan's 23 measures the State's actions, a status
 * and the CNCDH's observations and recommendations, then its main recommendations for a
 * second plan. The CNCDH speaks throughout (`cncdh`), also where it reports the State's
 * actions or the Collectif's view: none of it is ever offered as the Collectif's wording.
 *
 * Layout (typeset PDF → text), and how it is read:
 * - running head and page numbers: `isFurniture`;
 * - footnotes are printed where the page ends, often in the middle of a paragraph: a line
 *   « k. … » (k the next footnote number) up to a blank line or a line starting a new text
 *   object (a leading space). Their calls are digits glued to a word (« étrangère4. »,
 *   « 27 mars 201712 »): removed, one per footnote, in order (`footnotes`);
 * - a paragraph broken by a page end, a footnote, a sidebar or a measure heading continues
 *   after it when its last line has no sentence end;
 * - each measure's heading box (« Mesure N », its title, its status) is printed where the
 *   page put it, not always before the measure's text: « Actions de l'Etat » after a
 *   measure's text starts the next measure (measures 3, 11, 15 and 21 have their heading
 *   printed after it), and each status belongs to the measure whose text surrounds it. The
 *   parser checks that every measure gets exactly one status, in order;
 * - bullets are « • », or were lost by the export (« Wingdings » glyphs): a line then starts
 *   with a space and a lower-case word after a line ending in « : » or « ; »;
 * - tables, quotations, sidebars and the back cover: reviewed data
 *   (`../cncdh-2017.reviewed.json`), each entry with its reason.
 */
import type { CncdhStatus } from '../../schema';
import taxonomy from '../../taxonomy.json';
import reviewedData from '../cncdh-2017.reviewed.json';
import type { MeasureNote, MeasureNotesReader } from '../pipeline';
import { ITEM_MARK, Lexicon, foldWord, isFurniture, joinLines, stripItemMark } from '../text';
import type { Block, Line, SourceParser } from '../types';

const FILE = '004_23c774ab5d50e12f.txt';
const PLAN = 'PAN1';
const MEASURE_COUNT = 23;

export const ACTIONS = 'Actions de l’État';
export const OBSERVATIONS = 'Observations et recommandations de la CNCDH';

export const cncdh2017: SourceParser = {
  file: FILE,
  defaultPlan: PLAN,
  meta: {
    id: 'eval-cncdh-2017',
    title:
      'CNCDH, Évaluation de la mise en œuvre du plan d’action national contre la traite des êtres humains (2014-2016)',
    shortTitle: 'Évaluation du plan 2014-2016 par la CNCDH',
    kind: 'évaluation',
    date: '2017-07-06',
    meeting:
      'Commission nationale consultative des droits de l’homme (rapporteur national indépendant), avis adopté à l’unanimité en Assemblée plénière',
    participants: [],
  },
  parse: (lines) => read(lines).blocks,
};

/** The CNCDH's status and observations for each measure of the 2014 plan (PAN1-1 … PAN1-23). */
export function cncdhMeasures(lines: Line[], lexicon?: Lexicon): MeasureNote[] {
  const { blocks, parts } = read(lines);
  const lex = lexicon ?? new Lexicon(lines.map((l) => l.text));
  const notes: MeasureNote[] = [];
  for (let n = 1; n <= MEASURE_COUNT; n++) {
    const key = `${PLAN}-${n}`;
    const status = parts.get(n)?.status?.value;
    const mine = blocks.filter((b) => b.measures.includes(key) && isObservation(b));
    if (!status || !mine.length) throw new Error(`cncdh-2017: measure ${n} has no ${status ? 'observations' : 'status'} in ${FILE}`);
    notes.push({ key, status, observations: observationsText(mine, lex) });
  }
  return notes;
}

/** `cncdhMeasures` as the pipeline's reader of per-measure evaluation notes. */
export const cncdh2017Notes: MeasureNotesReader = { file: FILE, read: (lines) => cncdhMeasures(lines) };

/** Where each measure's status sits in the source, for tests and reports. */
export function cncdhStatusLines(lines: Line[]): Map<string, { status: CncdhStatus; lines: number[] }> {
  const out = new Map<string, { status: CncdhStatus; lines: number[] }>();
  for (const [n, part] of read(lines).parts) {
    if (part.status) out.set(`${PLAN}-${n}`, { status: part.status.value, lines: part.status.lines });
  }
  return out;
}

/** Observations part of a measure: under its « Observations… » heading, never a sidebar. Measure 14 has only a sentence. */
function isObservation(b: Block): boolean {
  if (b.section.some((s) => s.startsWith('Encadré'))) return false;
  return b.section[2]?.startsWith(OBSERVATIONS) || (b.section.length === 2 && b.section[1].startsWith('Mesure'));
}

function observationsText(blocks: Block[], lex: Lexicon): string {
  let out = '';
  blocks.forEach((b, i) => {
    const text = joinLines(b.lines, lex).text;
    if (i) out += b.item && blocks[i - 1].item ? '\n' : '\n\n';
    out += b.item ? `• ${text}` : text;
  });
  return out;
}

// ---------------------------------------------------------------------------------------
// Reviewed data

interface Reviewed {
  skip: { lines: [number, number]; starts: string }[];
  boxes: { lines: [number, number]; starts: string; label: string; titleLines?: number }[];
  sectionStarts: { line: number; starts: string; section: string[] }[];
  headings: { lines: [number, number]; starts: string; section: string[] }[];
  breakBefore: { line: number; starts: string }[];
}

const REVIEWED = reviewedData as unknown as Reviewed;

/** Fails when a reviewed entry no longer points at the words it was written for. */
function checkAnchor(lines: Line[], n: number, starts: string): void {
  const text = lines[n - 1]?.text.trim() ?? '';
  if (!text.startsWith(starts)) {
    throw new Error(
      `cncdh-2017: reviewed entry for line ${n} expects « ${starts}… » but the line reads « ${text.slice(0, 60)} »; update data/extract/cncdh-2017.reviewed.json`,
    );
  }
}

// ---------------------------------------------------------------------------------------
// Footnotes

export interface Footnotes {
  /** Line numbers of footnote text. */
  lines: Set<number>;
  /** First and last line of footnote k's text. */
  texts: Map<number, [number, number]>;
  /** Footnote calls to remove, by line number: [start, end) offsets in the raw line. */
  calls: Map<number, [number, number][]>;
}

const FOOTNOTE_START = /^(\d{1,2})\.?\s+\S/;

/**
 * Finds the footnotes (numbered 1, 2, 3… in order) and their calls. A call is footnote k's
 * number glued to the end of a word, a bracket or a quote (« (MIPROF)1, », « »5, ») or to a
 * year (« 27 mars 201712 contraint » = 2017 + call 12), searched from the previous call up
 * to the footnote's text, so that real numbers (« 2016 », « 45 jours », « article 8 ») stay.
 */
export function footnotes(lines: Line[]): Footnotes {
  const out: Footnotes = { lines: new Set(), texts: new Map(), calls: new Map() };
  let expected = 1;
  for (let i = 0; i < lines.length; i++) {
    const m = FOOTNOTE_START.exec(lines[i].text);
    if (!m || Number(m[1]) !== expected) continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1].text.trim() && !/^\s/.test(lines[j + 1].text) && !startsFootnote(lines[j + 1].text, expected + 1)) j++;
    for (let k = i; k <= j; k++) out.lines.add(lines[k].n);
    out.texts.set(expected, [lines[i].n, lines[j].n]);
    expected++;
    i = j;
  }
  let from = { index: 0, offset: 0 };
  for (const [k, [first]] of out.texts) {
    const re = new RegExp(`(?:(?<=[\\p{L})»])|(?<=(?<!\\p{N})(?:19|20)\\d\\d))${k}(?![\\p{L}\\p{N}])`, 'gu');
    const found = findCall(lines, re, from, first, out.lines);
    if (!found) throw new Error(`cncdh-2017: no call for footnote ${k} before line ${first} in ${FILE}`);
    const n = lines[found.index].n;
    out.calls.set(n, [...(out.calls.get(n) ?? []), [found.offset, found.offset + String(k).length]]);
    from = { index: found.index, offset: found.offset + 1 };
  }
  return out;
}

function startsFootnote(text: string, k: number): boolean {
  const m = FOOTNOTE_START.exec(text);
  return !!m && Number(m[1]) === k;
}

function findCall(
  lines: Line[],
  re: RegExp,
  from: { index: number; offset: number },
  before: number,
  notes: Set<number>,
): { index: number; offset: number } | undefined {
  for (let i = from.index; i < lines.length && lines[i].n < before; i++) {
    if (notes.has(lines[i].n)) continue;
    re.lastIndex = i === from.index ? from.offset : 0;
    const m = re.exec(lines[i].text);
    if (m) return { index: i, offset: m.index };
  }
  return undefined;
}

/** A line with its footnote calls removed (nothing else changes). */
function withoutCalls(line: Line, notes: Footnotes): Line {
  const calls = notes.calls.get(line.n);
  if (!calls) return line;
  let text = line.text;
  for (const [a, b] of [...calls].sort((x, y) => y[0] - x[0])) text = text.slice(0, a) + text.slice(b);
  return { n: line.n, text };
}

// ---------------------------------------------------------------------------------------
// Structure: sections, measures, statuses

interface Ctx {
  section: string[];
  measures: string[];
}

/** A line of running text, with what surrounds it. */
interface Unit {
  line: Line;
  ctx: Ctx;
  /** A blank line precedes it (since the previous running-text line). */
  gap: boolean;
  /** Reviewed: a new paragraph starts here. */
  forced: boolean;
}

interface Part {
  n: number;
  /** Running text or an « Actions » heading seen: a later « Actions » starts the next measure. */
  started: boolean;
  status?: { value: CncdhStatus; lines: number[] };
}

const MEASURE_HEADING = /^\s*Mesure\s+(\d{1,2})\s*$/;
const PRIORITY_HEADING = /^\s*PRIORIT[ÉE]\s+(\d)\s*$/;
const FINAL_PRIORITY = /^\s*Priorité\s+([IVX]+)\.\s*$/;
const ACTIONS_HEADING = /^\s*Actions de l[’'][EÉ]tat\s*$/;
const OBSERVATIONS_HEADING = /^\s*Observations et recommandations de la CNCDH\s*$/;
const SHARED_OBSERVATIONS = /^\s*sur les mesures\s+(\d{1,2}(?:\s*(?:,|et)\s*\d{1,2})+)\s*$/;
const STATUS_WORD = /^\s*(Non|Partiellement)\s*$/;
const STATUS_TAIL = /^\s*mise en oeuvre\s*$/;
const STATUS_DONE = /^\s*Mise en oeuvre\s*$/;
/** A glyph alone on its line (« € », « + »): an icon of the layout. */
const SYMBOLS_ONLY = /^[^\p{L}\p{N}]+$/u;

const TITLES = new Map(
  taxonomy.measures.filter((m) => m.plan === PLAN).map((m) => [Number(m.number), titleKey(m.title)]),
);

function titleKey(s: string): string {
  return foldWord(s).replace(/[^a-z0-9]/g, '');
}

interface Read {
  blocks: Block[];
  parts: Map<number, Part>;
}

const cache = new WeakMap<Line[], Read>();

function read(lines: Line[]): Read {
  let r = cache.get(lines);
  if (!r) {
    r = walk(lines);
    cache.set(lines, r);
  }
  return r;
}

/** Walks the document once: running text goes to `units` (boxes to their own streams) with its section. */
function walk(lines: Line[]): Read {
  const notes = footnotes(lines);
  const skip = new Set<number>();
  for (const s of REVIEWED.skip) {
    checkAnchor(lines, s.lines[0], s.starts);
    for (let n = s.lines[0]; n <= s.lines[1]; n++) skip.add(n);
  }
  for (const b of REVIEWED.boxes) checkAnchor(lines, b.lines[0], b.starts);
  for (const h of REVIEWED.headings) checkAnchor(lines, h.lines[0], h.starts);
  for (const s of REVIEWED.sectionStarts) checkAnchor(lines, s.line, s.starts);
  for (const b of REVIEWED.breakBefore) checkAnchor(lines, b.line, b.starts);
  const forced = new Set(REVIEWED.breakBefore.map((b) => b.line));

  const streams: Unit[][] = [[]];
  const main = streams[0];
  // The plan's own wording of each measure, as the evaluation prints it: the Government's text.
  const titles: Block[] = [];
  const parts = new Map<number, Part>();
  let root = ['Introduction'];
  let part: Part | undefined;
  let sub: string | undefined;
  let shared: string[] | undefined;
  let ctx: Ctx = { section: root, measures: [] };
  let gap = false;
  const setCtx = () => {
    const section = part ? [...root, `Mesure ${part.n}`, ...(sub ? [sub] : [])] : [...root];
    ctx = { section, measures: shared ?? (part ? [`${PLAN}-${part.n}`] : []) };
  };
  const startPart = (n: number, at: number) => {
    const expected = (part?.n ?? 0) + 1;
    if (n !== expected) throw new Error(`cncdh-2017: line ${at} starts measure ${n}, expected ${expected}`);
    part = { n, started: false };
    parts.set(n, part);
    sub = undefined;
    shared = undefined;
    setCtx();
  };
  const next = (i: number) => {
    let j = i + 1;
    while (j < lines.length && (!lines[j].text.trim() || isFurniture(lines[j].text))) j++;
    return j;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text;
    if (skip.has(line.n) || notes.lines.has(line.n)) continue;
    if (!t.trim()) {
      gap = true;
      continue;
    }
    if (isFurniture(t) || SYMBOLS_ONLY.test(t)) continue;

    const start = REVIEWED.sectionStarts.find((s) => s.line === line.n);
    if (start) {
      root = start.section;
      part = undefined;
      setCtx();
    }
    const heading = REVIEWED.headings.find((h) => h.lines[0] === line.n);
    if (heading) {
      root = heading.section;
      part = undefined;
      sub = undefined;
      setCtx();
      i = lines.findIndex((l) => l.n === heading.lines[1]);
      continue;
    }
    const box = REVIEWED.boxes.find((b) => b.lines[0] === line.n);
    if (box) {
      const boxCtx = { section: [...ctx.section, box.label], measures: ctx.measures };
      const stream: Unit[] = [];
      let boxGap = false;
      for (let j = i + (box.titleLines ?? 0); j < lines.length && lines[j].n <= box.lines[1]; j++) {
        const bt = lines[j].text;
        if (!bt.trim()) boxGap = true;
        else if (!isFurniture(bt) && !notes.lines.has(lines[j].n)) {
          stream.push({ line: withoutCalls(lines[j], notes), ctx: boxCtx, gap: boxGap, forced: false });
          boxGap = false;
        }
      }
      streams.push(stream);
      i = lines.findIndex((l) => l.n === box.lines[1]);
      continue;
    }

    let m: RegExpExecArray | null;
    if ((m = PRIORITY_HEADING.exec(t))) {
      root = [`Priorité ${m[1]}`];
      sub = undefined;
      setCtx();
      // The priority's title follows in capitals, up to the first measure heading.
      while (i + 1 < lines.length && !/\p{Ll}/u.test(lines[i + 1].text)) i++;
      continue;
    }
    if ((m = FINAL_PRIORITY.exec(t))) {
      const title: string[] = [];
      while (i + 1 < lines.length && lines[i + 1].text.trim()) title.push(lines[++i].text.trim());
      root = [root[0], `Priorité ${m[1]}. ${title.join(' ').replace(/\.$/, '')}`];
      setCtx();
      continue;
    }
    if ((m = MEASURE_HEADING.exec(t))) {
      const n = Number(m[1]);
      if (n !== part?.n) startPart(n, line.n);
      const end = skipTitle(lines, i, n);
      titles.push({
        section: [...root, `Mesure ${n}`, 'Intitulé de la mesure (texte du plan)'],
        author: 'gouvernement',
        organisation: 'Plan d’action national 2014-2016 (Gouvernement)',
        measures: [`${PLAN}-${n}`],
        lines: lines.slice(i + 1, end + 1).filter((l) => l.text.trim() && !isFurniture(l.text)),
      });
      i = end;
      continue;
    }
    if (STATUS_WORD.test(t) || STATUS_DONE.test(t)) {
      if (!part) throw new Error(`cncdh-2017: status at line ${line.n} outside any measure`);
      if (part.status) throw new Error(`cncdh-2017: second status for measure ${part.n} at line ${line.n}`);
      const used = [line.n];
      let value: CncdhStatus = 'mise en oeuvre';
      const w = STATUS_WORD.exec(t);
      if (w) {
        value = w[1] === 'Non' ? 'non mise en oeuvre' : 'partiellement mise en oeuvre';
        const j = next(i);
        if (j < lines.length && STATUS_TAIL.test(lines[j].text)) {
          used.push(lines[j].n);
          i = j;
        }
      }
      part.status = { value, lines: used };
      continue;
    }
    if (ACTIONS_HEADING.test(t)) {
      if (!part || part.started) startPart((part?.n ?? 0) + 1, line.n);
      part!.started = true;
      sub = ACTIONS;
      setCtx();
      continue;
    }
    if (OBSERVATIONS_HEADING.test(t)) {
      if (!part) throw new Error(`cncdh-2017: observations at line ${line.n} outside any measure`);
      part.started = true;
      sub = OBSERVATIONS;
      const j = next(i);
      const s = j < lines.length ? SHARED_OBSERVATIONS.exec(lines[j].text) : null;
      if (s) {
        sub = `${OBSERVATIONS} ${lines[j].text.trim()}`;
        shared = s[1].split(/\s*(?:,|et)\s*/).map((x) => `${PLAN}-${Number(x)}`);
        i = j;
      }
      setCtx();
      continue;
    }

    if (part) part.started = true;
    main.push({ line: withoutCalls(line, notes), ctx, gap, forced: forced.has(line.n) });
    gap = false;
  }

  for (let n = 1; n <= MEASURE_COUNT; n++) {
    if (!parts.get(n)?.status) throw new Error(`cncdh-2017: measure ${n} has no status in ${FILE}`);
  }
  const blocks = [...streams.flatMap((s) => blocksOf(paragraphsOf(s))), ...titles];
  blocks.sort((a, b) => a.lines[0].n - b.lines[0].n);
  return { blocks, parts };
}

/** Skips a measure's title after its « Mesure N » line: the lines that spell the taxonomy's title. */
function skipTitle(lines: Line[], i: number, n: number): number {
  const target = TITLES.get(n);
  if (!target) throw new Error(`cncdh-2017: measure ${n} is not in the taxonomy`);
  let acc = '';
  let last = i;
  for (let j = i + 1; j < lines.length && acc !== target; j++) {
    const t = lines[j].text;
    if (!t.trim() || isFurniture(t)) continue;
    const candidate = acc + titleKey(t);
    if (!target.startsWith(candidate)) break;
    acc = candidate;
    last = j;
  }
  if (acc !== target) throw new Error(`cncdh-2017: the title of measure ${n} (line ${lines[i].n}) does not match the taxonomy's`);
  return last;
}

// ---------------------------------------------------------------------------------------
// Paragraphs, list items, blocks

/** A line that ends a sentence or a list item: after it, a blank line or an indent starts a new paragraph. */
const TERMINAL = /[.!?…:;)]\s*$/;
const SENTENCE_END = /[.!?…]\s*$/;

interface Para {
  item: boolean;
  /** The item had a visible mark (« • »), not one lost by the export. */
  marked: boolean;
  units: Unit[];
}

function paragraphsOf(units: Unit[]): Para[] {
  const out: Para[] = [];
  let cur: Para | undefined;
  for (const u of units) {
    const prev = cur?.units[cur.units.length - 1];
    const t = u.line.text;
    const marked = ITEM_MARK.test(t);
    const lost =
      !marked &&
      !!prev &&
      /^\s+\p{Ll}/u.test(t) &&
      (/[:;]\s*$/.test(prev.line.text) || (!!cur?.item && !cur.marked && TERMINAL.test(prev.line.text)));
    // A lower-case line after an unfinished one is its continuation: it must not have been
    // moved into another section by a heading printed in between.
    if (prev && prev.ctx !== u.ctx && !TERMINAL.test(prev.line.text) && /^\s*\p{Ll}/u.test(t) && !marked) {
      throw new Error(`cncdh-2017: the paragraph ending at line ${prev.line.n} runs into another section at line ${u.line.n}`);
    }
    const brk =
      !cur ||
      !prev ||
      prev.ctx !== u.ctx ||
      marked ||
      lost ||
      u.forced ||
      (TERMINAL.test(prev.line.text) && (u.gap || /^\s/.test(t)));
    if (brk) {
      cur = { item: marked || lost, marked, units: [] };
      out.push(cur);
    }
    cur!.units.push(u);
  }
  return out;
}

/**
 * Paragraphs become blocks. A list whose items are parts of one sentence (« …recommande de :
 * • prévoir une procédure simple ; • exonérer… ») stays with its lead-in, marks included, so
 * that the sentence is quoted whole. Items holding sentences of their own become item blocks,
 * marks removed.
 */
function blocksOf(paras: Para[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    let j = i + 1;
    while (j < paras.length && paras[j].item && paras[j].units[0].ctx === p.units[0].ctx) j++;
    const items = paras.slice(i + 1, j);
    const leadIn = !p.item && /:\s*$/.test(last(p).line.text);
    if (leadIn && items.length && items.slice(0, -1).every((it) => !SENTENCE_END.test(last(it).line.text))) {
      blocks.push(block([p, ...items], false));
      i = j - 1;
      continue;
    }
    const prev = blocks[blocks.length - 1];
    if (leadIn && prev && !prev.item && sameCtx(prev, p) && flatText(p).length < 80) {
      // A one-line lead-in (« A ces fins, la CNCDH demande aux pouvoirs publics : ») stays
      // with the paragraph before it rather than standing alone.
      prev.lines.push(...p.units.map((u) => u.line));
      continue;
    }
    blocks.push(block([p], p.item));
  }
  return blocks;
}

function block(paras: Para[], item: boolean): Block {
  const ctx = paras[0].units[0].ctx;
  const lines: Line[] = [];
  for (const p of paras) {
    p.units.forEach((u, k) => {
      const before = lines[lines.length - 1];
      // A list mark is formatting: it goes where punctuation already separates the items
      // (« …d'exploitation : une autorisation… ; puis une carte… »), and stays where it is
      // the only separator (« prévenir • protéger • punir. »).
      const drop = k === 0 && p.item && (item || !before || /[:;,.]\s*$/.test(before.text));
      lines.push(drop ? { n: u.line.n, text: stripItemMark(u.line.text) } : u.line);
    });
  }
  return { section: ctx.section, author: 'cncdh', measures: ctx.measures, lines, ...(item ? { item } : {}) };
}

function last(p: Para): Unit {
  return p.units[p.units.length - 1];
}

function sameCtx(b: Block, p: Para): boolean {
  const c = p.units[0].ctx;
  return b.section.join('>') === c.section.join('>') && b.measures.join() === c.measures.join();
}

function flatText(p: Para): string {
  return p.units.map((u) => u.line.text.trim()).join(' ');
}
