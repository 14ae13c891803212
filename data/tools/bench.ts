/**
 * `npm run bench`: figures, not pass/fail. For the engine and, side by side on the same library
 * and queries, a plain French MiniSearch index (BM25 over the same analysis, nothing else):
 * index build, load of the serialised index, incremental add of a 50-position source,
 * per-query median and p95 (queries, three-sentence paragraphs, the same followed by a long link, read while typed),
 * and heap, on the shipped library and on a synthetic library
 * 20 times larger (new positions recombined from the library's own sentences, reworded as their models are);
 * then, for libraries grown five and twenty times by imports (the same positions without rewordings, which
 * borrow their neighbours'), what a starting worker does: load the index and read a first paragraph, and the memory
 * that retains.
 * Queries: the shared development set and the project's own tuning half (no held-out line).
 *
 * What the figures measure: build, from a library already in memory (as read from storage:
 * flat strings, so the heap does not count V8 flattening the synthetic library's joined
 * sentences); memory, the index alone (JS heap plus typed arrays' contents), as retained
 * after a second build once the analyser's caches are warm; each query timed on its own after two warm-up rounds, over five rounds;
 * the add, the median of three imports into an index loaded afresh (one timing alone is at the mercy of a heap collection).
 * One-off queries are read by a matcher that remembers nothing (`memo` 0), so that no round reads the last one's
 * decisions; the typing row reads each paragraph as the panel does while one types, with the panel's matcher.
 */
import MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import { DEV_QUERIES, shippedLibrary } from './cli-lib';
import { framed, OWN_TUNE } from './evalSets';
import { readJsonl } from './fitGate';
import type { EvalQuery } from './evaluate';
import { addToIndex, buildIndex, loadIndex, serialiseIndex } from '../engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS } from '../engine/match';
import { createRewordingSearch, type RewordingTable } from '../engine/rewordings';
import { plainIndex, PLAIN_OPTIONS, type PlainDoc } from './plainIndex';
import type { Library, Position } from '../library/schema';

interface Row {
  build: number;
  load: number;
  add: number;
  median: number;
  p95: number;
  /** The same, on paragraphs of three sentences (a line between two sentences of a letter). */
  letter: { median: number; p95: number };
  /** The same, each followed by a link whose address holds a run of 1,000 letters (`withLink`). */
  linked: { median: number; p95: number };
  /** The same paragraphs read as they are typed: at every third word, and whole. */
  typing: { median: number; p95: number; reads: number };
  heap: number;
  size: number;
}

export async function benchCommand(args: string[]): Promise<number> {
  const rounds = Number(args[args.indexOf('--rounds') + 1]) || 5;
  const read = (f: string) => readFileSync(f, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
  const queries = [...read(DEV_QUERIES), ...read(OWN_TUNE)];
  // Each on-topic line of the own tuning half between two sentences of a letter (framed, evalSets.ts): what the
  // engine reads sentence by sentence, at about four times the work of one sentence.
  const letters = framed(readJsonl<EvalQuery>(OWN_TUNE), 'autour').map((q) => q.text);
  const lib = shippedLibrary();
  console.log(`Banc d’essai — ${queries.length} requêtes × ${rounds} tours, Node ${process.version}${(globalThis as { gc?: unknown }).gc ? '' : ' (sans --expose-gc : mémoire approximative)'}\n`);
  for (const [name, built] of [['bibliothèque livrée', lib], ['bibliothèque synthétique ×20', scaled(lib, 20)]] as const) {
    const library = JSON.parse(JSON.stringify(built)) as Library;
    const source = newSource(library, 50);
    const engine = benchEngine(library, source, queries, letters, rounds);
    const plain = benchPlain(library, source, queries, letters, rounds);
    console.log(`${name} : ${library.positions.length} positions`);
    console.log('| | moteur Positions | MiniSearch seul (BM25) |');
    console.log('|---|---|---|');
    const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
    console.log(`| construction de l’index | ${ms(engine.build)} | ${ms(plain.build)} |`);
    console.log(`| chargement de l’index sérialisé | ${ms(engine.load)} (${(engine.size / 1024).toFixed(0)} Kio) | ${ms(plain.load)} (${(plain.size / 1024).toFixed(0)} Kio) |`);
    console.log(`| ajout d’une source de 50 positions, puis une requête (médiane de ${IMPORTS}) | ${ms(engine.add)} | ${ms(plain.add)} |`);
    console.log(`| requête : médiane | ${ms(engine.median)} | ${ms(plain.median)} |`);
    console.log(`| requête : p95 | ${ms(engine.p95)} | ${ms(plain.p95)} |`);
    console.log(`| paragraphe de trois phrases (${letters.length}) : médiane / p95 | ${ms(engine.letter.median)} / ${ms(engine.letter.p95)} | ${ms(plain.letter.median)} / ${ms(plain.letter.p95)} |`);
    console.log(`| le même, suivi d’un lien de ${LINK.length} caractères : médiane / p95 | ${ms(engine.linked.median)} / ${ms(engine.linked.p95)} | ${ms(plain.linked.median)} / ${ms(plain.linked.p95)} |`);
    console.log(`| le même, lu pendant la frappe (${engine.typing.reads} lectures) : médiane / p95 | ${ms(engine.typing.median)} / ${ms(engine.typing.p95)} | ${ms(plain.typing.median)} / ${ms(plain.typing.p95)} |`);
    console.log(`| mémoire de l’index (tas et tableaux typés) | ${(engine.heap / 1048576).toFixed(1)} Mio | ${(plain.heap / 1048576).toFixed(1)} Mio |\n`);
  }
  // A library grown by imports: what the worker does at each start, the first paragraph included.
  console.log('bibliothèque grandie par des imports (positions sans reformulations, qui empruntent celles de leurs voisines)');
  console.log('| | moteur Positions | MiniSearch seul (BM25) |');
  console.log('|---|---|---|');
  for (const factor of GROWN) {
    const library = JSON.parse(JSON.stringify(scaled(lib, factor))) as Library;
    const engine = await benchGrown(library, letters[0]);
    const plain = await benchGrownPlain(library, letters[0]);
    const row = (r: { first: number; heap: number }) => `${r.first.toFixed(0)} ms, ${(r.heap / 1048576).toFixed(1)} Mio`;
    console.log(`| ×${factor} (${library.positions.length - lib.positions.length} importées) : index chargé puis premier paragraphe (médiane de ${IMPORTS}), mémoire | ${row(engine)} | ${row(plain)} |`);
  }
  console.log('');
  return 0;
}

function timeQueries(run: (q: string) => unknown, queries: string[], rounds: number): { median: number; p95: number } {
  for (let r = 0; r < 2; r++) for (const q of queries) run(q); // warm-up: stem cache, JIT
  used();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of queries) {
      const s = performance.now();
      run(q);
      times.push(performance.now() - s);
    }
  return percentiles(times);
}

/**
 * Each paragraph read as the panel reads it while one types (at each pause, here every third word, then
 * whole), each read timed. `start` is called before each paragraph: nothing remembered from another one.
 * One warm-up round, then two: the reads are many (the paragraph's words over three).
 */
function timeTyping(run: (q: string) => unknown, start: () => void, paragraphs: string[]): { median: number; p95: number; reads: number } {
  const reads = paragraphs.map((p) => {
    const words = p.split(' ');
    return words.map((_, i) => words.slice(0, i + 1).join(' ')).filter((_, i) => i % 3 === 2 || i === words.length - 1);
  });
  const times: number[] = [];
  for (let r = 0; r < 3; r++)
    for (const typed of reads) {
      start();
      for (const q of typed) {
        const s = performance.now();
        run(q);
        if (r) times.push(performance.now() - s);
      }
    }
  return { ...percentiles(times), reads: times.length / 2 };
}

function percentiles(times: number[]): { median: number; p95: number } {
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))];
  return { median: pct(0.5), p95: pct(0.95) };
}

/** Build time of a first build; heap retained by a second one, the analyser's caches then warm. */
function built<T>(build: () => T): { value: T; build: number; heap: number } {
  const t = performance.now();
  build();
  const time = performance.now() - t;
  const before = used();
  const value = build();
  return { value, build: time, heap: used() - before };
}

function benchEngine(library: Library, source: Position[], queries: string[], letters: string[], rounds: number): Row {
  // Every position of the synthetic library has rewordings (its model's): the search over them is
  // built with the index and counted in its time and memory, as if the library had been reworded whole.
  const rewordings = rewordingsFor(library);
  const { value, build, heap } = built(() => ({ index: buildIndex(library), rewordings: createRewordingSearch(rewordings) }));
  const json = JSON.stringify(serialiseIndex(value.index));
  const t = performance.now();
  const loaded = loadIndex(JSON.parse(json), library);
  const load = performance.now() - t;
  // One-off queries, each timed again over the rounds: nothing remembered from one read to the next (`memo` 0).
  const matcher = createMatcher(loaded, { ...DEFAULT_SETTINGS, rewordings, memo: 0 });
  const q = timeQueries((x) => matcher.match(x), queries, rounds);
  const letter = timeQueries((x) => matcher.match(x), letters, rounds);
  const linked = timeQueries((x) => matcher.match(x), letters.map(withLink), rounds);
  // Typing: the panel's matcher, which remembers the sentences already read.
  const panel = createMatcher(loaded, { ...DEFAULT_SETTINGS, rewordings });
  const typing = timeTyping((x) => panel.match(x), () => panel.forget(), letters);
  // The first query after an import also lends its passages their neighbours' rewordings (borrowed.ts): counted.
  // The median of three imports, each into an index loaded afresh and already queried: one timing alone
  // swung from 133 to 211 ms at twenty times the library, as a collection of the heap fell in it or not.
  const add = medianOf(IMPORTS, () => {
    const fresh = loadIndex(JSON.parse(json), library);
    const reader = createMatcher(fresh, { ...DEFAULT_SETTINGS, rewordings, memo: 0 });
    reader.match(queries[0]);
    return timed(() => {
      addToIndex(fresh, source);
      reader.match(queries[0]);
    });
  });
  return { build, load, add, heap, size: json.length, ...q, letter, linked, typing };
}

/** The shipped rewordings, each synthetic position given those of the position it was made from. */
function rewordingsFor(library: Library): RewordingTable {
  const shipped = DEFAULT_SETTINGS.rewordings as RewordingTable;
  const n = Math.min(library.positions.length, shippedLibrary().positions.length);
  const stems: Record<string, string> = {};
  const newer: Record<string, string> = {};
  library.positions.forEach((p, i) => {
    const model = shipped.stems[p.id] ? p.id : library.positions[i % n].id;
    if (shipped.stems[model]) stems[p.id] = shipped.stems[model];
    if (shipped.newer?.[model]) newer[p.id] = shipped.newer[model];
  });
  return { stems, newer };
}

/** The baseline (plainIndex.ts). */
function benchPlain(library: Library, source: Position[], queries: string[], letters: string[], rounds: number): Row {
  const { value: mini, build, heap } = built(() => plainIndex(library.positions));
  const json = JSON.stringify(mini);
  const t = performance.now();
  const loaded = MiniSearch.loadJSON<PlainDoc>(json, PLAIN_OPTIONS);
  const load = performance.now() - t;
  const q = timeQueries((x) => loaded.search(x).slice(0, 5), queries, rounds);
  const letter = timeQueries((x) => loaded.search(x).slice(0, 5), letters, rounds);
  const linked = timeQueries((x) => loaded.search(x).slice(0, 5), letters.map(withLink), rounds);
  const typing = timeTyping((x) => loaded.search(x).slice(0, 5), () => undefined, letters);
  const add = medianOf(IMPORTS, () => {
    const fresh = MiniSearch.loadJSON<PlainDoc>(json, PLAIN_OPTIONS);
    fresh.search(queries[0]);
    return timed(() => {
      fresh.addAll(source.map((p) => ({ id: p.id, text: p.text })));
      fresh.search(queries[0]);
    });
  });
  return { build, load, add, heap, size: json.length, ...q, letter, linked, typing };
}

/** The libraries grown by imports that the bench reads (`benchGrown`): five and twenty times the shipped one. */
const GROWN = [5, 20];

/**
 * A library grown by imports, as a worker meets it when it starts: the index loaded from its stored copy, then one
 * paragraph, in which the positions without rewordings borrow those of their neighbours (borrowed.ts). The synthetic
 * positions here have no rewordings of their own, unlike the table above (`rewordingsFor`), which models a library
 * reworded whole. Memory: what the index and the matcher retain after that paragraph.
 */
async function benchGrown(library: Library, paragraph: string): Promise<{ first: number; heap: number }> {
  const json = storedIndex(library);
  const start = () => createMatcher(loadIndex(JSON.parse(json), library));
  const first = medianOf(IMPORTS, () => timed(() => start().match(paragraph)));
  return { first, heap: await retained(start, (matcher) => matcher.match(paragraph)) };
}

/** The baseline, the same way: its index loaded, then one search. */
async function benchGrownPlain(library: Library, paragraph: string): Promise<{ first: number; heap: number }> {
  const json = JSON.stringify(plainIndex(library.positions));
  const start = () => MiniSearch.loadJSON<PlainDoc>(json, PLAIN_OPTIONS);
  const first = medianOf(IMPORTS, () => timed(() => start().search(paragraph)));
  return { first, heap: await retained(start, (loaded) => loaded.search(paragraph)) };
}

/** The index of `library` as stored (built in a frame of its own, so that nothing of it stays reachable after). */
function storedIndex(library: Library): string {
  return JSON.stringify(serialiseIndex(buildIndex(library)));
}

/** How long `run` takes, in ms. */
function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * The memory that what `make` returns retains once `use` has run on it, each reading after a pause (`settled`): read
 * at once, after the matchers timed just before were made and dropped, the difference read 0 in one run of three at
 * five times the library (11 MiB otherwise), and −15 MiB once at twenty times.
 */
async function retained<T>(make: () => T, use: (value: T) => unknown): Promise<number> {
  const before = await settled();
  const value = make();
  use(value);
  const after = await settled();
  use(value);
  return after - before;
}

/** `used` after a pause of 50 ms, in which what was dropped is let go (no pause, or one of 0 ms, was not enough). */
async function settled(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return used();
}

/**
 * A link as mail carries them (a tracking address), its token a run of 1,000 letters: a run that long is no word, and
 * read for slips it cost the engine 2.5 s (`LONGEST_WORD`, match.ts). Letters drawn from a seeded sequence.
 */
const LINK = (() => {
  let seed = 7;
  const token = Array.from({ length: 1000 }, () => 'abcdefghijklmnopqrstuvwxyz'[(seed = (seed * 1103515245 + 12345) % 2147483648) % 26]).join('');
  return `https://lettre.exemple.org/suivi?jeton=${token}`;
})();
const withLink = (paragraph: string) => `${paragraph} ${LINK}`;

/** How many times the import of a source is timed (`medianOf`). */
const IMPORTS = 3;

function medianOf(times: number, run: () => number): number {
  const taken = Array.from({ length: times }, run).sort((a, b) => a - b);
  return taken[Math.floor(taken.length / 2)];
}

/** A new source of `n` positions, as an import would bring (sentences of the library recombined, new ids). */
function newSource(lib: Library, n: number): Position[] {
  return scaled({ ...lib, positions: lib.positions.slice(0, n) }, 2).positions.slice(n).map((p, i) => ({ ...p, id: `import:${i}`, sourceId: 'import' }));
}

function used(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: objects with finalisers or weak references need a second pass.
  gc?.();
  gc?.();
  // Typed arrays larger than a few dozen bytes keep their contents outside the JS heap.
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** A library `factor` times larger: each new position joins two sentences of two others (seeded, reproducible). */
export function scaled(lib: Library, factor: number): Library {
  const sentences = lib.positions.flatMap((p) => p.text.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 30);
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const positions: Position[] = [...lib.positions];
  for (let i = positions.length; i < lib.positions.length * factor; i++) {
    const base = lib.positions[i % lib.positions.length];
    const text = `${sentences[Math.floor(rand() * sentences.length)]} ${sentences[Math.floor(rand() * sentences.length)]}`;
    positions.push({ ...base, id: `synth:${i}`, text });
  }
  return { ...lib, positions };
}
