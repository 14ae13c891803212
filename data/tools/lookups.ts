/**
 * The search box read on short look-ups written blind (`npm run eval -- --lookups`;
 * tests/fixtures/eval/LOOKUPS.md). A look-up none of whose words is in the library, even one slip away,
 * is read for its sense (`data/engine/search.ts`): its best passages are listed when the gate finds it
 * likely enough on the library's subject. Which probability is enough was a judgement (0.5) until
 * this set: here it is read on one half, the tuning half, and reported on the other.
 */
import type { Library } from '../library/schema';
import type { Matcher } from '../engine/match';
import { createSearch, RELATED_MAX, RELATED_PROBABILITY } from '../engine/search';

export interface Lookup {
  id: string;
  kind: 'on' | 'off';
  query: string;
  /** For an on-topic look-up: a passage holding any of these words verbatim is a right answer. */
  expect: string[];
}

/** The two halves, fixed before any reading: every other line of each kind, in the file's order. */
export function splitLookups(lines: readonly Lookup[]): { tuning: Lookup[]; heldOut: Lookup[] } {
  const tuning: Lookup[] = [];
  const heldOut: Lookup[] = [];
  for (const kind of ['on', 'off'] as const) {
    lines.filter((l) => l.kind === kind).forEach((l, i) => (i % 2 === 0 ? tuning : heldOut).push(l));
  }
  return { tuning, heldOut };
}

/** How one look-up was read: its path, whether its first five hold a right answer, and for the sense, the gate's probability. */
export interface ReadLookup {
  line: Lookup;
  via: 'words' | 'fuzzy' | 'sense' | 'other';
  /** Any passage listed. */
  answered: boolean;
  /** A right answer in the first five (on-topic lines only). */
  right: boolean;
  /** Read for its sense: the gate's probability, and whether the first five passages found so would hold a right answer. */
  sense?: { probability: number; right: boolean };
  /**
   * A right answer in the first five once the user clicks « Chercher quand même… », offered when passages found by
   * sense were withheld (on-topic lines only; the same as `right` when nothing was withheld).
   */
  rightAnyway: boolean;
}

export function readLookups(library: Library, matcher: Matcher, lines: readonly Lookup[]): ReadLookup[] {
  const search = createSearch(library, matcher);
  const isRight = (line: Lookup, texts: readonly string[]) => line.kind === 'on' && texts.some((t) => line.expect.some((e) => t.includes(e)));
  const byId = new Map(library.positions.map((p) => [p.id, p.text]));
  return lines.map((line) => {
    const r = search({ text: line.query, limit: 5 });
    const texts = r.hits.map((h) => h.position.text);
    // Read for its sense when neither the words nor a typo found anything; its passages are read here whatever
    // the probability, for the table's other thresholds.
    const reachedSense = r.senseProbability !== undefined;
    let sense: ReadLookup['sense'];
    if (reachedSense) {
      const { results } = matcher.lookUp(line.query, { k: RELATED_MAX, gate: false });
      sense = { probability: r.senseProbability!, right: isRight(line, results.slice(0, 5).map((x) => byId.get(x.id) ?? '')) };
    }
    const via = reachedSense ? 'sense' : r.via === 'words' || r.via === 'fuzzy' ? r.via : 'other';
    const right = isRight(line, texts);
    const rightAnyway = r.senseWithheld ? isRight(line, search({ text: line.query, limit: 5, anyway: true }).hits.map((h) => h.position.text)) : right;
    return { line, via, answered: r.total > 0, right, sense, rightAnyway };
  });
}

const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

/** The table `--lookups` prints: each half by path, then the sense read at each threshold. */
export function lookupTable(halves: ReadonlyArray<{ name: string; read: readonly ReadLookup[] }>): string {
  const out: string[] = [
    `| moitié | lignes du sujet | trouvées par les mots / une faute / le sens | juste dans les 5 premiers | … après « Chercher quand même » | hors sujet | répondues par les mots / une faute / le sens |`,
    '|---|---|---|---|---|---|---|',
  ];
  for (const { name, read } of halves) {
    const on = read.filter((r) => r.line.kind === 'on');
    const off = read.filter((r) => r.line.kind === 'off');
    const by = (list: readonly ReadLookup[], via: ReadLookup['via']) => list.filter((r) => r.via === via && r.answered).length;
    out.push(
      `| ${name} | ${on.length} | ${by(on, 'words')} / ${by(on, 'fuzzy')} / ${by(on, 'sense')} | ${on.filter((r) => r.right).length} | ${on.filter((r) => r.rightAnyway).length} | ${off.length} | ${by(off, 'words')} / ${by(off, 'fuzzy')} / ${by(off, 'sense')} |`,
    );
  }
  out.push(
    '',
    `Lues pour leur sens (aucun mot dans la bibliothèque, même à une faute près), au seuil livré ${RELATED_PROBABILITY} et autour :`,
    '',
    `| moitié | seuil | du sujet : répondues (juste dans les 5 premiers) sur | hors sujet : répondues sur |`,
    '|---|---|---|---|',
  );
  for (const { name, read } of halves) {
    const on = read.filter((r) => r.sense && r.line.kind === 'on');
    const off = read.filter((r) => r.sense && r.line.kind === 'off');
    for (const t of THRESHOLDS) {
      const onAnswered = on.filter((r) => r.sense!.probability >= t);
      out.push(
        `| ${name} | ${t.toFixed(1)}${t === RELATED_PROBABILITY ? ' (livré)' : ''} | ${onAnswered.length} (${onAnswered.filter((r) => r.sense!.right).length}) sur ${on.length} | ${off.filter((r) => r.sense!.probability >= t).length} sur ${off.length} |`,
      );
    }
  }
  return out.join('\n');
}
