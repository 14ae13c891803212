/**
 * Command line: `npm run library -- build|export|check|stats`, and (issue 4) `match`,
 * `eval`, `bench`. Runs the same `data/` code as the extension. Messages in French.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLibrary } from './extract/pipeline';
import { MEASURE_NOTES, PARSERS } from './extract/sources/index';
import { checkLibrary, stats, verifyVerbatim } from './extract/verify';
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

function library(args: string[]): number {
  const [cmd] = args;
  switch (cmd) {
    case 'build': {
      const lib = buildBundled();
      mkdirSync(dirname(GENERATED), { recursive: true });
      writeFileSync(GENERATED, serialise(lib));
      console.error(`Bibliothèque écrite : ${GENERATED} (${lib.sources.length} sources, ${lib.positions.length} positions)`);
      return 0;
    }
    case 'export': {
      process.stdout.write(JSON.stringify(buildBundled()) + '\n');
      return 0;
    }
    case 'check': {
      const texts = readSeeds();
      const lib = buildBundled();
      const problems = checkLibrary(lib, texts);
      let shipped = '';
      try {
        shipped = readFileSync(GENERATED, 'utf8');
      } catch {
        /* absent: reported below */
      }
      if (shipped !== serialise(lib))
        problems.push({ where: GENERATED, what: 'la bibliothèque livrée n’est pas à jour : lancez « npm run library -- build »' });
      const v = verifyVerbatim(lib, texts);
      const pct = (n: number) => ((100 * n) / Math.max(v.total, 1)).toFixed(1);
      console.log(`Positions : ${v.total} ; verbatim (texte entier, source nettoyée) : ${v.whole} (${pct(v.whole)} %) ; fragments de 20 lettres trouvés dans la source brute : ${v.fragments} (${pct(v.fragments)} %)`);
      for (const p of problems) console.log(`✗ ${p.where} : ${p.what}`);
      console.log(problems.length ? `${problems.length} problème(s).` : 'Aucun problème.');
      return problems.length ? 1 : 0;
    }
    case 'stats': {
      const lib = buildBundled();
      const s = stats(lib);
      const table = (title: string, rec: Record<string, number>) => {
        console.log(`\n${title}`);
        for (const [k, n] of Object.entries(rec).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr', { numeric: true })))
          console.log(`  ${k.padEnd(28)} ${String(n).padStart(5)}`);
      };
      console.log(`${lib.positions.length} positions, ${lib.sources.length} sources`);
      table('Par source', s.bySource);
      table('Par auteur', s.byAuthor);
      table('Par mesure', s.byMeasure);
      return 0;
    }
    default:
      console.error('Usage : npm run library -- build | export | check | stats');
      return 2;
  }
}

function main(argv: string[]): number {
  const [group, ...rest] = argv;
  if (group === 'library') return library(rest);
  console.error(`Commande inconnue : ${group ?? '(aucune)'}. Commandes : library, match, eval, bench.`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
