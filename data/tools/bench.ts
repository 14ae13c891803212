/**
 * `npm run bench`: figures, not pass/fail. Index build and load time, per-query latency
 * (median, p95) over the dev queries, and memory, on the shipped library and on a synthetic
 * library 20 times larger (new positions recombined from the library's own sentences).
 */
import { readFileSync } from 'node:fs';
import { DEV_QUERIES, shippedLibrary } from './cli-lib';
import { buildIndex, loadIndex, serialiseIndex } from '../engine/searchIndex';
import { createMatcher } from '../engine/match';
import type { Library, Position } from '../library/schema';

export function benchCommand(args: string[]): number {
  const rounds = Number(args[args.indexOf('--rounds') + 1]) || 5;
  const queries = readFileSync(DEV_QUERIES, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
  const lib = shippedLibrary();
  console.log(`Banc d’essai — ${queries.length} requêtes × ${rounds} tours, Node ${process.version}\n`);
  for (const [name, library] of [['bibliothèque livrée', lib], ['bibliothèque synthétique ×20', scaled(lib, 20)]] as const) {
    const heapBefore = used();
    let t = performance.now();
    const index = buildIndex(library);
    const buildMs = performance.now() - t;
    const heapIndex = used() - heapBefore;
    const json = JSON.stringify(serialiseIndex(index));
    t = performance.now();
    const loaded = loadIndex(JSON.parse(json), library);
    const loadMs = performance.now() - t;
    const matcher = createMatcher(loaded);
    for (let r = 0; r < 3; r++) for (const q of queries) matcher.match(q); // warm-up: stem cache, JIT
    used(); // start the timed rounds with the building's garbage collected, when --expose-gc allows
    const times: number[] = [];
    for (let r = 0; r < rounds; r++)
      for (const q of queries) {
        const s = performance.now();
        matcher.match(q);
        times.push(performance.now() - s);
      }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))].toFixed(2);
    console.log(`${name} : ${library.positions.length} positions`);
    console.log(`  construction de l’index ${buildMs.toFixed(0)} ms ; chargement de l’index sérialisé ${loadMs.toFixed(0)} ms (${(json.length / 1024).toFixed(0)} Kio)`);
    console.log(`  latence par requête : médiane ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
    console.log(`  mémoire du tas pour l’index ≈ ${(heapIndex / 1048576).toFixed(1)} Mio\n`);
  }
  return 0;
}

function used(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
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
