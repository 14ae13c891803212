/**
 * Command line: `npm run library -- build|export|check|stats`, and (issue 4) `match`,
 * `eval`, `bench`. Runs the same `data/` code as the extension. Messages in French.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GENERATED, buildBundled, readSeeds, serialise } from './cli-lib';
import { parsedText } from './extract/pipeline';
import { PARSERS } from './extract/sources/index';
import { checkLibrary, stats, verifyVerbatim } from './extract/verify';

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
      const parsed = Object.fromEntries(PARSERS.map((p) => [p.file, parsedText(p, texts[p.file] ?? '')]));
      const problems = checkLibrary(lib, texts, parsed);
      let shipped = '';
      try {
        shipped = readFileSync(GENERATED, 'utf8');
      } catch {
        /* absent: reported below */
      }
      if (shipped !== serialise(lib))
        problems.push({ where: GENERATED, what: 'la bibliothèque livrée n’est pas à jour : lancez « npm run library -- build »' });
      const v = verifyVerbatim(lib, texts, parsed);
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

// `npm run library -- stats | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = main(process.argv.slice(2));
