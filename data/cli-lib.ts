/**
 * What the command line and the tests share: where the seeds and the shipped library are,
 * and how the bundled library is built and written. Node only (reads files).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLibrary } from './extract/pipeline';
import { MEASURE_NOTES, PARSERS } from './extract/sources/index';
import type { Library } from './schema';

const here = dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = join(here, 'seeds');
export const GENERATED = join(here, 'generated', 'library.json');

export function readSeeds(dir = SEEDS_DIR): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f.endsWith('.txt')) texts[f] = readFileSync(join(dir, f), 'utf8');
  return texts;
}

export function buildBundled(): Library {
  return buildLibrary(readSeeds(), PARSERS, MEASURE_NOTES);
}

/** The library as shipped: stable JSON, one field per line, so reviews read as diffs. */
export function serialise(lib: Library): string {
  return JSON.stringify(lib, null, 1) + '\n';
}


/** The shipped library as the extension bundles it. */
export function shippedLibrary(): Library {
  return JSON.parse(readFileSync(GENERATED, 'utf8')) as Library;
}

/** The development query set beside the project (shared/eval), the default of `npm run eval`. */
export const DEV_QUERIES = join(here, '..', '..', 'shared', 'eval', 'dev-queries.jsonl');
