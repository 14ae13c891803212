/**
 * The evaluation sets `npm run eval` reports, and the lines the gate is fitted on.
 *
 * - `dev`: the shared development set (tests/fixtures/eval/dev-queries.jsonl, a copy).
 * - `own-tune` / `own-holdout`: the project's own set, split once before any tuning
 *   (tests/fixtures/eval/OWN-SET.md). Only the tuning half is ever fitted or tuned on.
 * - `paraphrase`: paraphrases written for the first engine (tuned on then, so not a fair judge).
 * - passage paraphrases: two everyday paraphrases of each of 360 library passages, written by
 *   hand without seeing the engine or the evaluation sets; the passage itself is the answer
 *   (tests/fixtures/eval/PASSAGE-PARAPHRASES.md). Larger than the halves, so it tells a change
 *   from noise better; read for two ranking decisions (the coordination factor and concept
 *   agreement, match.ts).
 * - blind gate lines (`on`: should be answered): 420 lines written after the third engine for the
 *   gate, blind to it and to the sets, never fitted on; reported (answered on and off topic, and
 *   how the gate's probability reads, `--calibration`) (tests/fixtures/eval/GATE-BLIND.md).
 * - gate calibration lines (`on`: should be answered): written to tune the first gate, and
 *   gate training lines written for this gate; the gate learns from both, never from evaluation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAcronymTable, SOURCE_ACRONYMS, type AcronymEntry } from '../engine/acronyms';
import { createMatcher, DEFAULT_SETTINGS, type EngineSettings } from '../engine/match';
import { withoutRewordings } from '../engine/rewordings';
import { buildTranslations } from '../engine/translations';
import type { SearchIndex } from '../engine/searchIndex';
import { DEV_QUERIES, GATE_CALIBRATION, ROOT } from './cli-lib';
import type { EvalQuery } from './evaluate';
import { fitGateModel, labelled, readJsonl, type Labelled } from './fitGate';
import type { GateModel } from '../engine/gate';
import { seeded } from './resample';

export const EVAL_DIR = join(ROOT, 'tests', 'fixtures', 'eval');
export const OWN_TUNE = join(EVAL_DIR, 'own-tune.jsonl');
export const OWN_HOLDOUT = join(EVAL_DIR, 'own-holdout.jsonl');
/**
 * 240 lines written blind in the ninth session (OWN-SET.md): scored once as found (a fresh measure),
 * then tuned on. Among the gate's fitting lines since the twelfth session.
 */
export const OWN_TUNE_2 = join(EVAL_DIR, 'own-tune-2.jsonl');
/**
 * Eleven sets of 240 lines written blind in the twelfth session (OWN-SET.md), each scored once as found before any
 * decision on it, then given one role. Tuning sets: the gate learns from the third, fourth and sixth; the tenth is
 * read only. The eighth went to the phrasing table (`data/engine/corpus/phrasing-lines.jsonl`). The fifth, seventh,
 * ninth, eleventh and twelfth are fitted on by nothing: fresh judges, each read again only to judge one decision
 * (how many times each, OWN-SET.md says). The fifth is in paragraphs like the third and fourth; from the sixth on,
 * one sentence a line, like the shared set.
 */
export const OWN_TUNE_3 = join(EVAL_DIR, 'own-tune-3.jsonl');
export const OWN_TUNE_4 = join(EVAL_DIR, 'own-tune-4.jsonl');
export const OWN_FRESH_5 = join(EVAL_DIR, 'own-fresh-5.jsonl');
export const OWN_TUNE_6 = join(EVAL_DIR, 'own-tune-6.jsonl');
export const OWN_FRESH_7 = join(EVAL_DIR, 'own-fresh-7.jsonl');
export const OWN_FRESH_9 = join(EVAL_DIR, 'own-fresh-9.jsonl');
export const OWN_TUNE_10 = join(EVAL_DIR, 'own-tune-10.jsonl');
export const OWN_FRESH_11 = join(EVAL_DIR, 'own-fresh-11.jsonl');
export const OWN_FRESH_12 = join(EVAL_DIR, 'own-fresh-12.jsonl');
/**
 * Two sets of 240 short lines written blind in the fourteenth session (OWN-SET.md), the passages dealt at random
 * again: the thirteenth, read first on the session's first change, is a tuning set; the fourteenth was read once,
 * when the session's engine was final.
 */
export const OWN_TUNE_13 = join(EVAL_DIR, 'own-tune-13.jsonl');
export const OWN_FRESH_14 = join(EVAL_DIR, 'own-fresh-14.jsonl');
/**
 * Two more, written blind in the fifteenth session with the same brief, the passages dealt at random again: the
 * fifteenth is a tuning set; the sixteenth was read once, the session's engine final, beside its start.
 */
export const OWN_TUNE_15 = join(EVAL_DIR, 'own-tune-15.jsonl');
export const OWN_FRESH_16 = join(EVAL_DIR, 'own-fresh-16.jsonl');
export const PARAPHRASE = join(ROOT, 'tests', 'fixtures', 'paraphrase-holdout.jsonl');

export const PASSAGE_PARAPHRASES = join(EVAL_DIR, 'passage-paraphrases.jsonl');
/** 420 lines written for the gate, blind to the engine and the sets, never fitted on (GATE-BLIND.md). */
export const GATE_BLIND = join(EVAL_DIR, 'gate-blind.jsonl');
/** Short look-ups for the search box, written blind in the thirty-first session (LOOKUPS.md): `npm run eval -- --lookups`. */
export const LOOKUPS = join(EVAL_DIR, 'lookups.jsonl');
/** 240 office and association mails written blind to the engine, seventh session, only reported (OFFICE-BLIND.md). */
export const OFFICE_BLIND = join(EVAL_DIR, 'office-blind.jsonl');

/**
 * Lines from the field's neighbours, none about trafficking, written blind to the engine in the forty-sixth session,
 * only reported (NEIGHBOURS-BLIND.md): 120 of child protection, asylum, housing, violence, labour, justice, social work
 * and policy news; 120 of associations' advocacy on those subjects, in the Collectif's own voice.
 */
export const NEIGHBOURS_BLIND = join(EVAL_DIR, 'neighbours-blind.jsonl');
export const ADVOCACY_BLIND = join(EVAL_DIR, 'advocacy-blind.jsonl');

/** The kinds of mail in OFFICE_BLIND, as `npm run eval` names them. */
export const OFFICE_KINDS: Record<string, string> = { logistics: 'logistique', hr: 'personnel', social: 'social voisin', news: 'actualité' };

export interface PassageParaphrase {
  id: string;
  /** The library passage the line says in other words. */
  passage: string;
  text: string;
}

export interface PassageReport {
  lines: number;
  /** Share of lines with the passage (or a near-identical wording of it) in the first five results. */
  hit: number;
  /** Mean reciprocal rank of the passage in the first five. */
  mrr: number;
  /** Share of lines answered at all (the gate let them through). */
  answered: number;
}

/**
 * How often the passage a line paraphrases comes back in the first five: `run` gives the
 * ranked results (with the gate, a quiet line is a miss). A near-identical wording in the same
 * cluster counts as the passage.
 */
export function scorePassages(index: SearchIndex, lines: readonly PassageParaphrase[], run: (text: string) => { id: string }[]): PassageReport {
  const cluster = (id: string) => index.features.get(id)?.cluster;
  let hit = 0;
  let rr = 0;
  let answered = 0;
  for (const l of lines) {
    const results = run(l.text).slice(0, 5);
    if (results.length) answered++;
    const rank = results.findIndex((r) => r.id === l.passage || cluster(r.id) === cluster(l.passage));
    if (rank >= 0) {
      hit++;
      rr += 1 / (rank + 1);
    }
  }
  const n = lines.length || 1;
  return { lines: lines.length, hit: hit / n, mrr: rr / n, answered: answered / n };
}

/**
 * The engine's settings as they would be had `source` been imported after the library was built: its passages without
 * rewordings, the everyday words read as the library's learned without them, its passages without a factor as hubs.
 */
export function asImported(index: SearchIndex, settings: EngineSettings, source: string): EngineSettings {
  const imported = (id: string) => index.byId.get(id)?.sourceId === source;
  const rewordings = withoutRewordings(settings.rewordings, imported);
  // A variant without the table (`translationBoost` 0) does not read it: not learned for nothing.
  const translations = settings.translationBoost ? buildTranslations(index, rewordings) : settings.translations;
  const hubs = Object.fromEntries(Object.entries(settings.hubs).filter(([id]) => !imported(id)));
  return { ...settings, rewordings, translations, hubs };
}

/**
 * The passage paraphrases as if each source had been imported after the rewordings were written:
 * for each source in turn, its passages lose their rewordings, the other sources keep theirs, and
 * every line is scored. `imported`: the lines about its passages, what a report imported later can
 * expect. `others`: the lines about the rest of the library, which its passages must not crowd out
 * (until the fourteenth session only the first was read, and it alone always asks for more weight
 * on imported passages).
 *
 * What the library build learns from the rewordings is learned again without that source's, as it
 * would have been had the source come later: the everyday words read as the library's
 * (translations.ts), and its passages get no factor as hubs (match.ts: « imported after the table
 * was built »). Until the twenty-eighth session both were the shipped tables, learned with those
 * very rewordings: passage@5 read 0.68 where a report imported later gets 0.64 (`asImported`).
 */
export function scoreAsImported(index: SearchIndex, lines: readonly PassageParaphrase[], settings: EngineSettings = DEFAULT_SETTINGS): { imported: PassageReport; others: PassageReport } {
  const sourceOf = new Map(index.library.positions.map((p) => [p.id, p.sourceId]));
  const total = { imported: { lines: 0, hit: 0, mrr: 0, answered: 0 }, others: { lines: 0, hit: 0, mrr: 0, answered: 0 } };
  for (const source of new Set(sourceOf.values())) {
    const matcher = createMatcher(index, asImported(index, settings, source));
    for (const part of ['imported', 'others'] as const) {
      const own = lines.filter((l) => (sourceOf.get(l.passage) === source) === (part === 'imported'));
      const r = scorePassages(index, own, (text) => matcher.match(text, { k: 5 }));
      const t = total[part];
      t.lines += own.length;
      t.hit += r.hit * own.length;
      t.mrr += r.mrr * own.length;
      t.answered += r.answered * own.length;
    }
  }
  const mean = (t: PassageReport): PassageReport => {
    const n = t.lines || 1;
    return { lines: t.lines, hit: t.hit / n, mrr: t.mrr / n, answered: t.answered / n };
  };
  return { imported: mean(total.imported), others: mean(total.others) };
}

/**
 * The sentences that frame a letter, an email or a note and say nothing of a subject (120: « Je reste à votre
 * disposition pour tout complément. », « Madame la Conseillère, »), written blind in the sixteenth session by a
 * helper session that saw neither the engine nor any set: on its own line, each should leave the panel quiet.
 */
export const OFFICE_FORMULAS = join(EVAL_DIR, 'office-formulas.jsonl');
/**
 * 200 more, written blind in the twenty-eighth session from a like brief (greetings, closings, framing sentences,
 * meeting logistics, thanks, signature lines; `kind` says which): the tuning set of the formulas read as form
 * (engine/formulas.ts), which the 120 above only judge (FORMULAS-TUNE.md).
 */
export const FORMULAS_TUNE = join(EVAL_DIR, 'formulas-tune.jsonl');

/** Sentences a coordinator writes around a position (`letter-frames.json`): the « dans un courrier » lines of `npm run eval`. */
export const LETTER_FRAMES = join(EVAL_DIR, 'letter-frames.json');

export type FrameMode = 'avant' | 'après' | 'autour' | 'même phrase' | 'autres débuts';

export interface LetterFrames {
  before: string[];
  after: string[];
  /** Openings of a sentence whose subject follows in it (« Suite à notre rencontre du 12 mars, nous souhaitons rappeler que »). */
  leads: string[];
  /** More such openings, kept from the work on the frames of a letter read as form (formulas.ts): `autres débuts`. */
  leadsUnseen: string[];
}

/**
 * The on-topic lines as they sit in a letter: a sentence of the letter before the line (« Comme convenu lors de
 * notre rendez-vous, je reviens vers vous avec nos remarques. »), after it, or both; or (`même phrase`) the line
 * opened by a letter's lead in the same sentence, its first letter lowered; `autres débuts`, by one of the leads
 * not looked at while the formulas were written. Dealt in turn. Off-topic and author
 * lines are left out: what is measured is whether the position is still found.
 */
export function framed(queries: readonly EvalQuery[], mode: FrameMode, frames: LetterFrames = readFrames()): EvalQuery[] {
  return queries
    .filter((q) => q.kind === 'topic')
    .map((q, i) => {
      const before = frames.before[i % frames.before.length];
      const after = frames.after[i % frames.after.length];
      const leads = mode === 'autres débuts' ? frames.leadsUnseen : frames.leads;
      const lead = leads[i % leads.length];
      const text =
        mode === 'avant'
          ? `${before} ${q.text}`
          : mode === 'après'
            ? `${q.text} ${after}`
            : mode === 'autour'
              ? `${before} ${q.text} ${after}`
              : `${lead} ${q.text.charAt(0).toLowerCase()}${q.text.slice(1)}`;
      return { ...q, text };
    });
}

export const SHORT_RESTS_TOPIC = join(EVAL_DIR, 'short-rests-topic.jsonl');
export const SHORT_RESTS_OFFICE = join(EVAL_DIR, 'short-rests-office.jsonl');

/**
 * Short rests (`SHORT-RESTS.md`): what follows a letter's opening when it says little (« nous revenons sur le délai
 * de réflexion », « le compte rendu vous sera envoyé lundi »), written by two helper sessions that never saw the
 * engine, and split once, before anything was decided on them: of each kind, the even lines tune, the odd ones are
 * held out. Each rest is read alone and after every opening: the tuning half after `leads`, the held-out half after
 * `leadsUnseen`.
 */
export function shortRests(half: 'tuning' | 'held-out', frames: LetterFrames = readFrames()) {
  const which = half === 'tuning' ? 0 : 1;
  const pick = (file: string) => readJsonl<EvalQuery>(file).filter((_, i) => i % 2 === which);
  const leads = half === 'tuning' ? frames.leads : frames.leadsUnseen;
  const alone = (q: EvalQuery): EvalQuery => ({ ...q, text: `${q.text.charAt(0).toUpperCase()}${q.text.slice(1).replace(/\.$/, '')}.` });
  const led = (qs: EvalQuery[]) => qs.flatMap((q) => leads.map((lead, k) => ({ ...q, id: `${q.id}@${k}`, text: `${lead} ${q.text.replace(/\.$/, '')}.` })));
  const topic = pick(SHORT_RESTS_TOPIC);
  const office = pick(SHORT_RESTS_OFFICE);
  return { topic: topic.map(alone), topicLed: led(topic), office: office.map(alone), officeLed: led(office) };
}

export const SHORT_PARAGRAPHS = join(EVAL_DIR, 'short-paragraphs.jsonl');

/**
 * Short paragraphs (`SHORT-PARAGRAPHS.md`): two to five words that tell, a topic line or a one-line paragraph (« Sur le
 * délai de réflexion. », « Quid de la présomption de minorité ? », « Concernant la cotisation annuelle. »), written by
 * a helper session that read only the library and the taxonomy, and split once, before anything was decided on it:
 * of each kind, the first line and every other one after it tune, the others are held out.
 */
export function shortParagraphs(half: 'tuning' | 'held-out'): EvalQuery[] {
  return alternateHalf(SHORT_PARAGRAPHS, half);
}

/** Of each kind, in the file's order, the first line and every other one after it tune; the others are held out. */
function alternateHalf(file: string, half: 'tuning' | 'held-out'): EvalQuery[] {
  const which = half === 'tuning' ? 0 : 1;
  const lines = readJsonl<EvalQuery>(file);
  return (['topic', 'offtopic'] as const).flatMap((kind) => lines.filter((q) => q.kind === kind).filter((_, i) => i % 2 === which));
}

export const HEADINGS = join(EVAL_DIR, 'headings.jsonl');

/**
 * Headings of one to five words (`HEADINGS.md`): those of a letter written measure by measure or of meeting notes on
 * the library's subjects (« Délai de réflexion », « 3. Accès aux droits sociaux »), and generic or neighbouring ones
 * of office and association documents (« Points divers », « Violences conjugales »), written by a helper session that
 * read only the library and the taxonomy, split once as the short paragraphs are.
 */
export function headings(half: 'tuning' | 'held-out'): EvalQuery[] {
  return alternateHalf(HEADINGS, half);
}

/**
 * A second set of headings (`HEADINGS-2.md`, 150 on the library's subjects, 150 off it: 90 of office and association
 * documents, 60 next to the field), written blind in the thirty-eighth session by a helper session that read only the
 * library and the taxonomy, with a brief that gave no example heading. All of it tunes: the first set's held-out half
 * stays the judge.
 */
export const HEADINGS_2 = join(EVAL_DIR, 'headings-2.jsonl');

function readFrames(): LetterFrames {
  return JSON.parse(readFileSync(LETTER_FRAMES, 'utf8')) as LetterFrames;
}

/** Keys next to each other on a French (AZERTY) keyboard: a letter typed for its neighbour. */
const AZERTY: Record<string, string> = {
  a: 'zq', z: 'aes', e: 'zrd', r: 'etf', t: 'ryg', y: 'tuh', u: 'yij', i: 'uok', o: 'ipl', p: 'om',
  q: 'asw', s: 'qdz', d: 'sfe', f: 'dgr', g: 'fht', h: 'gjy', j: 'hku', k: 'jli', l: 'kmo', m: 'lp',
  w: 'xq', x: 'wc', c: 'xv', v: 'cb', b: 'vn', n: 'b',
};

/**
 * The on-topic lines typed in a hurry: `slips` words of six letters or more each get one slip, as typing makes
 * them (two neighbouring letters swapped, one left out, one typed twice, one for its neighbour on the keyboard),
 * never on the first letter, or (`on: 'first'`) always on it. Seeded: the same lines every run. What is measured
 * is whether the position is still found; off-topic and author lines are left out.
 */
export function misspelt(queries: readonly EvalQuery[], slips: number, seed = 1, on: 'inside' | 'first' = 'inside'): EvalQuery[] {
  const random = seeded(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const slip = (w: string): string => {
    const i = on === 'first' ? 0 : 1 + pick(w.length - 2);
    const kind = pick(4);
    const near = AZERTY[w[i].toLowerCase()];
    // Two equal letters swapped, or a key with no neighbour listed (an accented letter): a letter left out instead.
    if (kind === 0 && w[i] !== w[i + 1]) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    if (kind <= 1 || (kind === 3 && !near)) return w.slice(0, i) + w.slice(i + 1);
    if (kind === 2) return w.slice(0, i) + w[i] + w.slice(i);
    return w.slice(0, i) + near[pick(near.length)] + w.slice(i + 1);
  };
  return queries
    .filter((q) => q.kind === 'topic')
    .map((q) => {
      const words = q.text.split(' ');
      const long = words.flatMap((w, i) => (/^\p{L}{6,}$/u.test(w) ? [i] : []));
      for (let n = 0; n < slips && long.length; n++) {
        const at = long.splice(pick(long.length), 1)[0];
        words[at] = slip(words[at]);
      }
      return { ...q, text: words.join(' ') };
    });
}

/**
 * The on-topic lines typed without `n` of their spaces, each between two words one of which has five letters or more
 * (« lesvictimes », « mineursisolés »), as on a phone. Seeded: the same lines every run. Off-topic and author lines
 * are left out.
 */
export function spaceless(queries: readonly EvalQuery[], n: number, seed = 9): EvalQuery[] {
  const random = seeded(seed);
  const pick = (k: number) => Math.floor(random() * k);
  return queries
    .filter((q) => q.kind === 'topic')
    .map((q) => {
      let words = q.text.split(' ');
      for (let k = 0; k < n; k++) {
        const pairs = words.flatMap((w, i) => (i + 1 < words.length && /^\p{L}+$/u.test(w) && /^\p{L}+$/u.test(words[i + 1]) && Math.max(w.length, words[i + 1].length) >= 5 ? [i] : []));
        if (!pairs.length) break;
        const i = pairs[pick(pairs.length)];
        words = [...words.slice(0, i), words[i] + words[i + 1], ...words.slice(i + 2)];
      }
      return { ...q, text: words.join(' ') };
    });
}

/**
 * The on-topic lines as pasted from a page set in columns: `cuts` words of eight letters or more each cut by a hyphen
 * and a line break, three letters or more on each side (« vic-\ntimes »). Seeded: the same lines every run.
 * Off-topic and author lines are left out.
 */
export function hyphenated(queries: readonly EvalQuery[], cuts: number, seed = 5): EvalQuery[] {
  const random = seeded(seed);
  const pick = (n: number) => Math.floor(random() * n);
  return queries
    .filter((q) => q.kind === 'topic')
    .map((q) => {
      const words = q.text.split(' ');
      const long = words.flatMap((w, i) => (/^\p{L}{8,}$/u.test(w) ? [i] : []));
      for (let n = 0; n < cuts && long.length; n++) {
        const at = long.splice(pick(long.length), 1)[0];
        const w = words[at];
        const c = 3 + pick(w.length - 5);
        words[at] = `${w.slice(0, c)}-\n${w.slice(c)}`;
      }
      return { ...q, text: words.join(' ') };
    });
}

/**
 * The on-topic lines typed without apostrophes after an elided word (« ladministration », « quil », « cest »), as
 * on a phone or in a hurry; lines with no elision stay as they are. Off-topic and author lines are left out.
 */
export function unapostrophed(queries: readonly EvalQuery[]): EvalQuery[] {
  return queries.filter((q) => q.kind === 'topic').map((q) => ({ ...q, text: q.text.replace(/\b(qu|[cdjlmnst])['’](?=\p{L})/giu, '$1') }));
}

/**
 * The on-topic lines that write an acronym the engine knows, the first one written out in its long form (« la CNCDH »
 * → « la Commission nationale consultative des droits de l'homme »), and those that write a long form, the first
 * one shortened to its acronym; each beside the same lines as written. Other lines are left out.
 */
export function acronymsRewritten(
  queries: readonly EvalQuery[],
  table: readonly AcronymEntry[] = buildAcronymTable(SOURCE_ACRONYMS),
): { acronyms: EvalQuery[]; spelledOut: EvalQuery[]; longForms: EvalQuery[]; shortened: EvalQuery[] } {
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Compiled once per entry: the acronym as a whole word, each long form whatever its apostrophes and case.
  const patterns = table.map((e) => ({
    e,
    acronym: new RegExp(`(?<![\\p{L}\\d])${escape(e.acronym)}(?![\\p{L}\\d])`, 'u'),
    longForms: e.expansions.map((x) => new RegExp(escape(x).replace(/['’]/g, "['’]"), 'iu')),
  }));
  const out = { acronyms: [] as EvalQuery[], spelledOut: [] as EvalQuery[], longForms: [] as EvalQuery[], shortened: [] as EvalQuery[] };
  for (const q of queries) {
    if (q.kind !== 'topic') continue;
    for (const { e, acronym, longForms } of patterns) {
      if (acronym.test(q.text)) {
        out.acronyms.push(q);
        out.spelledOut.push({ ...q, text: q.text.replace(acronym, e.expansions[0]) });
        break;
      }
      const long = longForms.find((re) => re.test(q.text));
      if (long) {
        out.longForms.push(q);
        out.shortened.push({ ...q, text: q.text.replace(long, e.acronym) });
        break;
      }
    }
  }
  return out;
}

/**
 * What each set is for: the shared set; the own set's tuning half and held-out half; sets decisions were taken on
 * (tuning); sets fitted on by nothing (fresh judges); the older paraphrases, tuned on long ago.
 */
export type EvalRole = 'shared' | 'tuning' | 'held-out' | 'fresh' | 'older';

export const EVAL_SETS: { name: string; file: string; role: EvalRole }[] = [
  { name: 'dev (partagé)', file: DEV_QUERIES, role: 'shared' },
  { name: 'propre : réglage', file: OWN_TUNE, role: 'tuning' },
  { name: 'propre : témoin', file: OWN_HOLDOUT, role: 'held-out' },
  { name: 'propre : réglage 2', file: OWN_TUNE_2, role: 'tuning' },
  { name: 'propre : réglage 3', file: OWN_TUNE_3, role: 'tuning' },
  { name: 'propre : réglage 4', file: OWN_TUNE_4, role: 'tuning' },
  { name: 'propre : réglage 6', file: OWN_TUNE_6, role: 'tuning' },
  { name: 'propre : réglage 10', file: OWN_TUNE_10, role: 'tuning' },
  { name: 'propre : réglage 13', file: OWN_TUNE_13, role: 'tuning' },
  { name: 'propre : réglage 15', file: OWN_TUNE_15, role: 'tuning' },
  { name: 'propre : jeu 5, frais', file: OWN_FRESH_5, role: 'fresh' },
  { name: 'propre : jeu 7, frais', file: OWN_FRESH_7, role: 'fresh' },
  { name: 'propre : jeu 9, frais', file: OWN_FRESH_9, role: 'fresh' },
  { name: 'propre : jeu 11, frais', file: OWN_FRESH_11, role: 'fresh' },
  { name: 'propre : jeu 12, frais', file: OWN_FRESH_12, role: 'fresh' },
  { name: 'propre : jeu 14, frais', file: OWN_FRESH_14, role: 'fresh' },
  { name: 'propre : jeu 16, frais', file: OWN_FRESH_16, role: 'fresh' },
  { name: 'paraphrases (anciennes)', file: PARAPHRASE, role: 'older' },
];

/**
 * Every line the gate may learn from: never the held-out half. The threshold is set on the
 * off-topic lines of the own set's tuning half only, written like the evaluation's. The gate
 * training lines (data/engine/corpus/gate-training.jsonl) are not among them: their office
 * mail is the office side of the background (engine/background.ts), and fitting the model on
 * them too made it shyer everywhere (own tuning half hit@5 0.62 instead of 0.66).
 *
 * The second, third, fourth and sixth tuning sets train the model too (twelfth session). Judged on
 * the third set before it was fitted on, the gate that also learned from the second answered 0.917
 * of it against 0.867 (each at its own threshold read as below, every office line quiet); on the
 * fourth, the gate that learned from the second and third 0.906 against 0.867 for the eleventh
 * session's (58 and 59 of 60 office lines quiet); on the fifth, the gate that learned from the
 * second to fourth 0.928 against 0.900 (59 of 60 quiet each); on the seventh, the sixth's short
 * lines added, 0.900 against 0.883. Their office lines do not set the threshold, being easier than
 * the own set's (the gate fitted without them kept 119 of the first 120 quiet).
 */
export function tuningLines(): Labelled[] {
  const trainOnly = (l: Labelled) => ({ ...l, sets: false });
  return [
    ...labelled(readJsonl<EvalQuery>(DEV_QUERIES)).map(trainOnly),
    ...labelled(readJsonl<EvalQuery>(PARAPHRASE)).map(trainOnly),
    ...readJsonl<Labelled>(GATE_CALIBRATION).map(trainOnly),
    ...[OWN_TUNE_2, OWN_TUNE_3, OWN_TUNE_4, OWN_TUNE_6].flatMap((file) => labelled(readJsonl<EvalQuery>(file)).map(trainOnly)),
    ...labelled(readJsonl<EvalQuery>(OWN_TUNE)),
  ];
}

/**
 * Share of the tuning half's office mail the gate may answer, read out of fold (so about 3
 * lines in 61 once fitted on all): the 5 %. Since the gate reads how the subject is
 * told (engine/phrasing.ts), 5 % and 8 % give the same threshold; before, 5 % cost answers
 * everywhere (own tuning half hit@5 0.65 against 0.66).
 */
export const OFF_ANSWERED = 0.05;

/**
 * The gate never answers below this probability, whatever the out-of-fold threshold says. That threshold rests on
 * the three or four of the tuning half's 61 office mails that read most like the subject: it wandered from 0.53 to
 * 0.76 with the deal of the folds alone, and from 0.70 to 0.63 when four more rewording voices changed the ranking
 * while the model's weights barely moved (thirteenth session). At 0.63 the gate answered a paragraph on a subject the
 * library does not hold (young footballers' intermediaries, before its source is imported: 0.67) with unrelated
 * passages on minors, and one more of the 240 blind office mails. Between 0.6 and 0.8, lines the gate was never
 * fitted on are on topic less often than it says (docs/engine-journal.md, ninth session). Quiet matters more than one more answer.
 */
export const MIN_THRESHOLD = 0.7;

export function fitGateOnTuning(index: SearchIndex, settings: EngineSettings = DEFAULT_SETTINGS): GateModel {
  return fitGateModel(index, tuningLines(), OFF_ANSWERED, settings, MIN_THRESHOLD);
}
