/**
 * Command line: `npm run library -- build|export|check|stats|story|outline`, and (issue 4) `match`,
 * `eval`, `bench`. Runs the same `data/` code as the extension. Messages in French.
 *
 * Options and input lines are checked first (`cliInput.ts`): bad input ends in one French
 * sentence saying what and where, and a non-zero exit code, never a stack trace.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEV_QUERIES, EVERYDAY, GENERATED, buildBundled, buildEveryday, readInputFile, readSeeds, SEEDS_DIR, serialise, serialiseEveryday, shippedLibrary } from './cli-lib';
import { CliInputError, parseArgs, parseEvalLines, parseK, parseQueryLines } from './cliInput';
import { ablationTable } from './ablation';
import { overlapTable } from './overlap';
import { BACKGROUND, HUBS, MYTHES_FR, PHRASING, REWORDINGS, REWORDINGS_CORPUS, SYNONYMS, TRANSLATIONS, buildBackground, buildSynonyms, orphanRewordings, serialiseBackground, serialisePhrasing, serialiseRewordingFiles, serialiseSynonyms } from './engineData';
import { bootstrapDifference } from './resample';
import { EVAL_DIR, EVAL_SETS, fitGateOnTuning, framed, shortParagraphs, headings, HEADINGS_2, shortRests, hyphenated, misspelt, spaceless, unapostrophed, acronymsRewritten, OFFICE_FORMULAS, FORMULAS_TUNE, GATE_BLIND, LOOKUPS, OFFICE_BLIND, OFFICE_KINDS, NEIGHBOURS_BLIND, ADVOCACY_BLIND, OWN_HOLDOUT, OWN_TUNE, PASSAGE_PARAPHRASES, scoreAsImported, scorePassages, type PassageParaphrase } from './evalSets';
import { labelled, readJsonl, writeGateModel, type Labelled } from './fitGate';
import { evaluationTexts, fingerprint } from './fingerprint';
import { calibrationTable } from './calibration';
import { lookupTable, readLookups, splitLookups, type Lookup } from './lookups';
import { reimport, reimportTable } from './reimport';
import { benchCommand } from './bench';
import { evalNorm, formatReport, score, type EvalQuery } from './evaluate';
import { buildIndex } from '../engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS } from '../engine/match';
import { parsedText } from '../library/extract/pipeline';
import { PARSERS } from '../library/extract/sources/index';
import { checkLibrary, ruleReports, stats, verifyVerbatim, type Problem } from '../library/extract/verify';
import { divergence } from '../engine/divergence';
import { outline } from '../library/outline';
import type { Library } from '../library/schema';
import { story, storyLines } from '../library/story';
import { checkLibraryFile, importCommand, isExportJson, readLibraryFile as readAnyLibraryFile } from './importCommand';

/** A library file given with --library: an export (with its format version) or a plain library. */
const readLibraryFile = (file: string): Library => readAnyLibraryFile(file) as Library;

const LIBRARY_USAGE = 'Usage : npm run library -- build | export [--library FICHIER] | check [--library FICHIER] | stats | story CLÉ | outline CLÉ… | import FICHIER …';

function library(args: string[]): number | Promise<number> {
  const [cmd, ...rest] = args;
  // story, outline and import read their own flags (--json, --with, --library, --into…).
  if (cmd === 'story') return storyCommand(rest);
  if (cmd === 'outline') return outlineCommand(rest);
  if (cmd === 'import') return importCommand(rest);
  const takesLibrary = cmd === 'export' || cmd === 'check';
  const options = parseArgs(rest, `library ${cmd ?? ''}`.trim(), { withValue: takesLibrary ? ['--library'] : [] });
  if (options.rest.length) throw new CliInputError(`library ${cmd} : argument inattendu « ${options.rest[0]} ».\n${LIBRARY_USAGE}`);
  const libraryFile = options.values.get('--library');
  switch (cmd) {
    case 'build': {
      const lib = buildBundled();
      mkdirSync(dirname(GENERATED), { recursive: true });
      writeFileSync(GENERATED, serialise(lib));
      writeFileSync(EVERYDAY, serialiseEveryday(buildEveryday()));
      writeFileSync(BACKGROUND, serialiseBackground(buildBackground()));
      writeFileSync(PHRASING, serialisePhrasing());
      const reworded = serialiseRewordingFiles(lib);
      writeFileSync(REWORDINGS, reworded.rewordings);
      writeFileSync(TRANSLATIONS, reworded.translations);
      writeFileSync(HUBS, reworded.hubs);
      // The synonym table needs LibreOffice's French thesaurus (Debian: mythes-fr); without it the committed table stays.
      if (existsSync(MYTHES_FR)) writeFileSync(SYNONYMS, serialiseSynonyms(buildSynonyms(buildIndex(lib).df)));
      else console.error(`Thésaurus absent (${MYTHES_FR}, paquet Debian mythes-fr) : la table de synonymes livrée est gardée.`);
      console.error(`Bibliothèque écrite : ${GENERATED} (${lib.sources.length} sources, ${lib.positions.length} positions)`);
      return 0;
    }
    case 'export': {
      process.stdout.write(JSON.stringify(libraryFile === undefined ? buildBundled() : readLibraryFile(libraryFile)) + '\n');
      return 0;
    }
    case 'check': {
      // An export (issue 10's format) is checked as an import checks it: whole file, every wording in its source's text.
      if (libraryFile !== undefined && isExportJson(readInputFile(libraryFile, '--library'))) return checkLibraryFile(libraryFile);
      const texts = readSeeds();
      const lib = libraryFile === undefined ? buildBundled() : readLibraryFile(libraryFile);
      const parsed = Object.fromEntries(PARSERS.map((p) => [p.file, parsedText(p, texts[p.file] ?? '')]));
      const problems = checkLibrary(lib, texts, parsed);
      // A library given with --library is checked alone: whether the shipped files are up to date is another question.
      if (libraryFile === undefined) problems.push(...shippedUpToDate(lib));
      const v = verifyVerbatim(lib, texts, parsed);
      const pct = (n: number) => ((100 * n) / Math.max(v.total, 1)).toFixed(1);
      console.log(`Positions : ${v.total} ; verbatim (texte entier, source nettoyée) : ${v.whole} (${pct(v.whole)} %) ; fragments de 20 lettres trouvés dans la source brute : ${v.fragments} (${pct(v.fragments)} %)`);
      console.log('Règles d’extraction (nombre ; premiers exemples) :');
      for (const r of ruleReports(lib, texts)) {
        console.log(`  ${r.problems.length ? '✗' : '·'} ${r.rule} : ${r.count}`);
        if (r.count) for (const e of r.examples) console.log(`      ${e}`);
      }
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
      table('Clés de mesure par raison (section, mention, indice)', s.byReason);
      return 0;
    }
    default:
      console.error(LIBRARY_USAGE);
      return 2;
  }
}

/** Whether the shipped library, the everyday list and the engine files are what `library build` writes now. */
function shippedUpToDate(lib: Library): Problem[] {
  const problems: Problem[] = [];
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return ''; // absent: reported as not up to date
    }
  };
  if (read(GENERATED) !== serialise(lib))
    problems.push({ where: GENERATED, what: 'la bibliothèque livrée n’est pas à jour : lancez « npm run library -- build »' });
  if (read(EVERYDAY) !== serialiseEveryday(buildEveryday()))
    problems.push({ where: EVERYDAY, what: 'la liste du français courant n’est pas à jour : lancez « npm run library -- build »' });
  const reworded = serialiseRewordingFiles(lib);
  const engineFiles: [string, () => string, boolean][] = [
    [BACKGROUND, () => serialiseBackground(buildBackground()), true],
    [PHRASING, serialisePhrasing, true],
    [REWORDINGS, () => reworded.rewordings, true],
    [TRANSLATIONS, () => reworded.translations, true],
    [HUBS, () => reworded.hubs, true],
    [SYNONYMS, () => serialiseSynonyms(buildSynonyms(buildIndex(lib).df)), existsSync(MYTHES_FR)],
  ];
  for (const [file, make, can] of engineFiles) {
    if (can && read(file) !== make()) problems.push({ where: file, what: 'fichier du moteur pas à jour : lancez « npm run library -- build »' });
  }
  // A passage re-extracted with other words gets another id: its rewordings no longer find it.
  const orphans = orphanRewordings(lib);
  if (orphans.length)
    problems.push({
      where: REWORDINGS_CORPUS,
      what: `${orphans.length} passage(s) reformulé(s) absent(s) de la bibliothèque (${orphans.slice(0, 3).map((l) => l.passage).join(', ')}${orphans.length > 3 ? '…' : ''}) : à reformuler ou à retirer`,
    });
  return problems;
}

/** Flags of `story` and `outline` that take a value. */
const VALUE_FLAGS = ['--with', '--library'];

/** The positional words of `args` (keys), leaving out flags and their values. */
function keysOf(args: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !VALUE_FLAGS.includes(args[i - 1] ?? ''));
}

/** The library of `--library FILE` (an export, checked field by field: `readLibraryFile`), or the shipped one. */
function chosenLibrary(args: string[]): Library {
  const file = valueOf(args, '--library');
  return file === undefined ? shippedLibrary() : readLibraryFile(file);
}

/** Runs a command whose mistakes are thrown as French messages: printed, exit code 2. */
function reporting(run: () => number): number {
  try {
    return run();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return error instanceof CliInputError ? error.code : 2;
  }
}

/** `library story PAN1-4bis [--json] [--with "Matignon"] [--library FILE]`: a measure's or theme's passages by date. */
function storyCommand(args: string[]): number {
  return reporting(() => {
    const [key, ...extra] = keysOf(args);
    if (!key || extra.length) {
      console.error('Usage : npm run -s library -- story PAN1-4bis [--json] [--with "Matignon"] [--library FICHIER]');
      return 2;
    }
    const library = chosenLibrary(args);
    const s = story(library, key, { with: valueOf(args, '--with'), twins: createMatcher(buildIndex(library)).twins });
    if (args.includes('--json')) {
      const entries = s.entries.map((e) => ({
        date: e.date, author: e.author, kind: e.kind, text: e.text, speaker: e.speaker, organisation: e.organisation,
        positionId: e.position?.id, sourceId: e.sourceId, source: e.source, section: e.section, lines: e.lines, citation: e.citation,
        alsoAt: e.position?.citations?.filter((c) => c.positionId !== e.position!.id).map((c) => c.positionId),
      }));
      process.stdout.write(JSON.stringify({ subject: s.subject.kind === 'measure' ? s.subject.measure.key : s.subject.theme.id, with: s.with, entries }, null, 1) + '\n');
    } else process.stdout.write(storyLines(s));
    return 0;
  });
}

/** `library outline PAN1-4bis PAN1-5 [--with "Matignon"] [--library FILE]`: the letter outline, as the panel copies it. */
function outlineCommand(args: string[]): number {
  return reporting(() => {
    const keys = keysOf(args);
    if (!keys.length) {
      console.error('Usage : npm run -s library -- outline PAN1-4bis PAN1-5 [--with "Matignon"] [--library FICHIER]');
      return 2;
    }
    process.stdout.write(outline(chosenLibrary(args), keys, { with: valueOf(args, '--with') }).text);
    return 0;
  });
}

/** `match -- --k 5 --jsonl` (lines `{"id","text"}` on stdin) or `match -- "texte…"` (a readable ranking). */
async function matchCommand(args: string[]): Promise<number> {
  const options = parseArgs(args, 'match', { withValue: ['--k', '--library'], flags: ['--jsonl'] });
  const k = parseK(options.values.get('--k'));
  const jsonl = options.flags.has('--jsonl');
  const text = options.rest.join(' ').trim();
  if (jsonl && text) throw new CliInputError(`match : avec --jsonl, les requêtes viennent de l’entrée standard, pas des arguments (reçu « ${text.slice(0, 40)} »).`);
  if (!jsonl && !text) {
    console.error('Usage : npm run match -- "texte…"   ou   npm run -s match -- --k 5 --jsonl < requetes.jsonl   (option : --library FICHIER)');
    return 2;
  }
  const libraryFile = options.values.get('--library');
  const matcher = createMatcher(buildIndex(libraryFile === undefined ? shippedLibrary() : readLibraryFile(libraryFile)));
  if (jsonl) {
    const { items, errors } = parseQueryLines(await readStdin());
    for (const error of errors) console.error(`match --jsonl, ${error}`);
    const out = items.map((q) => {
      const results = matcher.match(q.text, { k }).map((r) => ({
        id: r.id, text: r.text, author: r.author, speaker: r.speaker, measures: r.measures, themes: r.themes,
        sourceId: r.sourceId, score: r.score, matched: r.matched, divergence: divergence(q.text, r),
      }));
      return JSON.stringify({ id: q.id, results });
    });
    process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
    if (!items.length) {
      console.error(errors.length ? `match --jsonl : aucune ligne valable (${errors.length} refusée(s)).` : 'match --jsonl : entrée vide, aucune requête lue.');
      return 1;
    }
    return 0;
  }
  const why = matcher.explain(text);
  const results = matcher.match(text, { k });
  console.log(`Concepts : ${why.concepts.join(', ') || '—'} (poids ${why.evidence.toFixed(2)}) ; mesures citées : ${why.measureRefs.join(', ') || '—'}`);
  console.log(`Dans le sujet de la bibliothèque : probabilité ${why.probability.toFixed(2)} (le panneau répond à partir de ${why.threshold.toFixed(2)})`);
  for (const s of why.sentences) console.log(`  ${s.read ? 'lue      ' : 'laissée  '} ${s.probability.toFixed(2)}  « ${s.text} »`);
  if (!results.length) console.log('Aucune position ne correspond : le panneau reste discret.');
  results.forEach((r, i) => {
    console.log(`\n${i + 1}. [${r.author}${r.speaker ? ` — ${r.speaker}` : ''}] ${r.score.toFixed(2)}  ${r.measures.join(' ')}  (${r.themes.join(', ')})`);
    console.log(`   ${r.text}`);
    console.log(`   ↳ ${r.citations.map((c) => `${c.sourceId} › ${c.section} (l. ${c.lines[0]}-${c.lines[1]})`).join(' ; ')}`);
    console.log(`   mots : ${r.matched.join(', ')}${r.concepts.length ? ` ; concepts : ${r.concepts.join(', ')}` : ''}`);
    const departs = divergence(text, r);
    if (departs) console.log(`   écart : le paragraphe dit « ${departs.draft} », la position « ${departs.position} »`);
  });
  return 0;
}

/** The queries of an evaluation file, each line checked; bad lines are named and nothing is scored. */
function readEvalFile(file: string): EvalQuery[] {
  const content = readInputFile(file, 'eval :');
  const { items, errors } = parseEvalLines(content, file);
  // A score over part of the set would be compared with scores over all of it: refuse instead.
  if (errors.length) throw new CliInputError([...errors.map((e) => `eval : ${e}`), `eval : ${errors.length} ligne(s) refusée(s) ; aucun score calculé.`].join('\n'), 1);
  if (!items.length) throw new CliInputError(`eval : ${file} ne contient aucune requête.`, 1);
  return items.map(({ line: _line, ...q }) => q);
}

/** `eval [fichier.jsonl]`: the scoring rules of shared/eval, on every evaluation set by default. */
function evalCommand(args: string[]): number {
  const options = parseArgs(args, 'eval', { flags: ['--ablation', '--verbose', '--fit-gate', '--by-overlap', '--calibration', '--lookups', '--reimport', '--fingerprint'] });
  if (options.rest.length > 1) throw new CliInputError(`eval : un seul fichier de requêtes, reçu ${options.rest.length} (${options.rest.join(', ')}).`);
  if (options.flags.has('--fit-gate')) {
    const model = fitGateOnTuning(buildIndex(shippedLibrary()));
    writeGateModel(model);
    console.log(`Modèle de pertinence ajusté sur les lignes de réglage (jamais sur la moitié témoin) : seuil ${model.threshold}`);
    return 0;
  }
  if (options.flags.has('--fingerprint')) {
    // One hash of every answer on every evaluation line: the same before and after says a change moved none.
    const texts = evaluationTexts(EVAL_DIR);
    console.log(`Empreinte des réponses sur ${texts.length} lignes d’évaluation : ${fingerprint(shippedLibrary(), texts)}`);
    return 0;
  }
  if (options.flags.has('--by-overlap')) {
    // The shared set and both halves of the own set (the older paraphrases were tuned on).
    const sets = EVAL_SETS.slice(0, 3).map((set) => ({ name: set.name, queries: readEvalFile(set.file) }));
    // The held-out half is also read as if it held the tuning half's share of each band.
    console.log(overlapTable(buildIndex(shippedLibrary()), sets, sets[1].name));
    return 0;
  }
  if (options.flags.has('--reimport')) {
    // The generic reader of imported reports on the shipped meeting reports, imported as if new.
    console.log(reimportTable(reimport(shippedLibrary(), SEEDS_DIR)));
    return 0;
  }
  if (options.flags.has('--lookups')) {
    // The search box's short look-ups, written blind: each half by path, and the sense read at several thresholds.
    const library = shippedLibrary();
    const matcher = createMatcher(buildIndex(library));
    const { tuning, heldOut } = splitLookups(readJsonl<Lookup>(LOOKUPS));
    console.log(lookupTable([
      { name: 'réglage', read: readLookups(library, matcher, tuning) },
      { name: 'témoin', read: readLookups(library, matcher, heldOut) },
    ]));
    return 0;
  }
  if (options.flags.has('--calibration')) {
    // Lines the gate was never fitted on: the blind gate lines, and the held-out half's on- and off-topic lines.
    const matcher = createMatcher(buildIndex(shippedLibrary()));
    const blind = readJsonl<Labelled>(GATE_BLIND).map((l) => ({ p: matcher.explain(l.text).probability, on: l.on }));
    const heldOut = labelled(readEvalFile(OWN_HOLDOUT)).map((l) => ({ p: matcher.explain(l.text).probability, on: l.on }));
    console.log(`${calibrationTable('lignes aveugles de la porte (420)', blind)}\n\n${calibrationTable('propre : témoin', heldOut)}`);
    return 0;
  }
  if (!options.rest.length && !options.flags.has('--ablation')) {
    const sets = EVAL_SETS.map((set) => ({ name: set.name, role: set.role, queries: readEvalFile(set.file) }));
    const index = buildIndex(shippedLibrary());
    const matcher = createMatcher(index);
    const hitsBySet = new Map<string, number[]>();
    for (const { name, queries } of sets) {
      const report = score(queries, new Map(queries.map((q) => [q.id, matcher.match(q.text, { k: 5 })])));
      console.log(`${name.padEnd(26)} ${formatReport(report).split('\n')[0]}`);
      const missed = new Set(report.misses);
      hitsBySet.set(name, queries.filter((q) => q.kind === 'topic').map((q) => (missed.has(q.id) ? 0 : 1)));
    }
    // The honest figure, with how much of it is noise: the tuning half against the held-out half, and against
    // the fresh judges together (each set redrawn within itself).
    const linesOf = (role: string) => EVAL_SETS.filter((set) => set.role === role).map((set) => hitsBySet.get(set.name)!);
    const tuningHalf = [hitsBySet.get(EVAL_SETS.find((set) => set.file === OWN_TUNE)!.name)!];
    const fresh = linesOf('fresh');
    const freshLines = fresh.reduce((n, g) => n + g.length, 0);
    const gapLine = (label: string, b: number[][]) => {
      const gap = bootstrapDifference(tuningHalf, b);
      return `${label.padEnd(26)} ${gap.value.toFixed(3)}  (IC 95 % ${gap.low.toFixed(3)} à ${gap.high.toFixed(3)}, 2 000 tirages des lignes avec remise)`;
    };
    console.log(gapLine('écart réglage − témoin', linesOf('held-out')));
    const freshHit = fresh.flat().reduce((x, y) => x + y, 0) / (freshLines || 1);
    console.log(`${gapLine('écart réglage − frais', fresh)}  ; juges frais réunis : hit@5 ${freshHit.toFixed(3)} sur ${freshLines} lignes`);
    // The tuning and fresh lines read otherwise, one cell per variant: as they sit in a letter, a sentence of it
    // before, after or around them (`framed`); typed in a hurry, two or three words of each with a slip
    // (`misspelt`), or the apostrophes of elisions left out (`unapostrophed`); acronyms written out, names shortened
    // (`acronymsRewritten`).
    const variantLine = (label: string, variants: (queries: EvalQuery[]) => [string, EvalQuery[]][]) => {
      for (const role of ['tuning', 'fresh'] as const) {
        const queries = sets.filter((s) => s.role === role).flatMap((s) => s.queries);
        const cells = variants(queries).map(([name, lines]) => {
          const r = score(lines, new Map(lines.map((q) => [q.id, matcher.match(q.text, { k: 5 })])));
          return `${name} ${r.hit.toFixed(2)} / ${r.mrr.toFixed(2)}`;
        });
        console.log(`${`${label} : ${role === 'tuning' ? 'réglage' : 'frais'}`.padEnd(26)} hit@5 / MRR  ${cells.join('  ')}`);
      }
    };
    variantLine('dans un courrier', (q) => (['avant', 'après', 'autour', 'même phrase', 'autres débuts'] as const).map((mode) => [mode, framed(q, mode)]));
    for (const half of ['tuning', 'held-out'] as const) {
      const rests = shortRests(half);
      const read = (lines: EvalQuery[]) => {
        const results = new Map(lines.map((q) => [q.id, matcher.match(q.text, { k: 5 })]));
        return { hit: score(lines, results).hit, answered: [...results.values()].filter((r) => r.length).length, lines: lines.length };
      };
      const [alone, led, office, officeLed] = [read(rests.topic), read(rests.topicLed), read(rests.office), read(rests.officeLed)];
      console.log(
        `${`restes courts : ${half === 'tuning' ? 'réglage' : 'témoin'}`.padEnd(26)} après un début hit@5 ${led.hit.toFixed(2)} (répondus ${led.answered}/${led.lines}), seuls ${alone.hit.toFixed(2)}` +
          `  ; bureau répondus après un début ${officeLed.answered}/${officeLed.lines}, seuls ${office.answered}/${office.lines}`,
      );
    }
    const shortSets: [string, (half: 'tuning' | 'held-out') => EvalQuery[], readonly ('tuning' | 'held-out')[]][] = [
      ['paragraphes courts', shortParagraphs, ['tuning', 'held-out']],
      ['rubriques', headings, ['tuning', 'held-out']],
      // A second set of headings, all of it tuning: the first set's held-out half stays the judge.
      ['rubriques 2', () => readJsonl<EvalQuery>(HEADINGS_2), ['tuning']],
    ];
    for (const [label, set, halves] of shortSets) {
      for (const half of halves) {
        const lines = set(half);
        const results = new Map(lines.map((q) => [q.id, matcher.match(q.text, { k: 5 })]));
        const r = score(lines, results);
        const answered = (kind: EvalQuery['kind']) => lines.filter((q) => q.kind === kind && results.get(q.id)!.length).length;
        const count = (kind: EvalQuery['kind']) => lines.filter((q) => q.kind === kind).length;
        console.log(
          `${`${label} : ${half === 'tuning' ? 'réglage' : 'témoin'}`.padEnd(26)} hit@5 ${r.hit.toFixed(2)}  MRR ${r.mrr.toFixed(2)}  répondus ${answered('topic')}/${count('topic')}` +
            `  ; hors sujet répondus ${answered('offtopic')}/${count('offtopic')}`,
        );
      }
    }
    variantLine('fautes de frappe', (q) => [['deux', misspelt(q, 2)], ['trois', misspelt(q, 3)], ['première lettre', misspelt(q, 2, 1, 'first')], ['espace oublié', spaceless(q, 1)], ['sans apostrophe', unapostrophed(q)]]);
    variantLine('collé en colonnes', (q) => [['un mot coupé', hyphenated(q, 1)], ['deux', hyphenated(q, 2)]]);
    variantLine('sigles', (q) => {
      const r = acronymsRewritten(q);
      return [[`sigle (${r.acronyms.length})`, r.acronyms], ['en toutes lettres', r.spelledOut], [`nom (${r.longForms.length})`, r.longForms], ['en sigle', r.shortened]];
    });
    const passages = readJsonl<PassageParaphrase>(PASSAGE_PARAPHRASES);
    const p = scorePassages(index, passages, (text) => matcher.match(text, { k: 5 }));
    console.log(`${'paraphrases de passages'.padEnd(26)} passage@5 ${p.hit.toFixed(2)}  MRR ${p.mrr.toFixed(2)}  répondues ${Math.round(p.answered * p.lines)}/${p.lines}`);
    // Each source in turn as if imported later, without rewordings (its passages then compete with reworded ones).
    // Its passages borrow their neighbours' rewordings (borrowed.ts); the line below says what that brings.
    for (const [label, settings] of [
      ['  … source importée', DEFAULT_SETTINGS],
      ['  … sans emprunt', { ...DEFAULT_SETTINGS, borrowBoost: 0, borrowGate: 0 }],
    ] as const) {
      const { imported, others } = scoreAsImported(index, passages, settings);
      console.log(
        `${label.padEnd(26)} passage@5 ${imported.hit.toFixed(2)}  MRR ${imported.mrr.toFixed(2)}  répondues ${Math.round(imported.answered * imported.lines)}/${imported.lines}` +
          `  ; les autres sources : ${others.hit.toFixed(2)}  MRR ${others.mrr.toFixed(2)}`,
      );
    }
    const blind = readJsonl<Labelled>(GATE_BLIND);
    const answered = (on: boolean) => blind.filter((l) => l.on === on && matcher.match(l.text, { k: 1 }).length).length;
    const count = (on: boolean) => blind.filter((l) => l.on === on).length;
    console.log(`${'porte : lignes aveugles'.padEnd(26)} dans le sujet répondues ${answered(true)}/${count(true)}  hors sujet répondues ${answered(false)}/${count(false)}`);
    const office = readJsonl<{ id: string; kind: string; text: string }>(OFFICE_BLIND).map((l) => ({ kind: l.kind, answered: matcher.match(l.text, { k: 1 }).length > 0 }));
    const kinds = Object.keys(OFFICE_KINDS).map((kind) => {
      const lines = office.filter((l) => l.kind === kind);
      return `${OFFICE_KINDS[kind]} ${lines.filter((l) => l.answered).length}/${lines.length}`;
    });
    console.log(`${'bureau : courriels aveugles'.padEnd(26)} répondus ${office.filter((l) => l.answered).length}/${office.length} (${kinds.join(', ')})`);
    // The field's neighbours, and advocacy on their subjects, written blind: each kind in the file's order.
    for (const [label, file] of [['voisins : lignes aveugles', NEIGHBOURS_BLIND], ['voisins : plaidoyers', ADVOCACY_BLIND]] as const) {
      const lines = readJsonl<{ id: string; kind: string; text: string }>(file).map((l) => ({ kind: l.kind, answered: matcher.match(l.text, { k: 1 }).length > 0 }));
      const byKind = [...new Set(lines.map((l) => l.kind))].map((kind) => {
        const of = lines.filter((l) => l.kind === kind);
        return `${kind} ${of.filter((l) => l.answered).length}/${of.length}`;
      });
      console.log(`${label.padEnd(26)} répondues ${lines.filter((l) => l.answered).length}/${lines.length} (${byKind.join(', ')})`);
    }
    const formulas = (label: string, file: string, what: string) => {
      const lines = readJsonl<{ text: string }>(file);
      console.log(`${label.padEnd(26)} répondues ${lines.filter((l) => matcher.match(l.text, { k: 1 }).length > 0).length}/${lines.length} (${what})`);
    };
    formulas('bureau : formules', OFFICE_FORMULAS, 'une phrase qui encadre un courrier, seule sur sa ligne');
    formulas('bureau : formules, réglage', FORMULAS_TUNE, 'jeu de réglage des formules lues comme forme');
    return 0;
  }
  const queries = readEvalFile(options.rest[0] ?? DEV_QUERIES);
  const index = buildIndex(shippedLibrary());
  if (options.flags.has('--ablation')) {
    console.log(ablationTable(index));
    return 0;
  }
  const matcher = createMatcher(index);
  const results = new Map(queries.map((q) => [q.id, matcher.match(q.text, { k: 5 })]));
  const report = score(queries, results);
  console.log(formatReport(report));
  if (options.flags.has('--verbose'))
    for (const id of [...report.misses, ...report.offtopicMisses]) {
      const q = queries.find((x) => x.id === id)!;
      console.log(`\n${id} (${q.kind}) ${q.text}\n  attendu : ${JSON.stringify(q.expect)}`);
      for (const r of results.get(id) ?? []) console.log(`  - [${r.author}] ${evalNorm(r.text).slice(0, 140)}`);
    }
  return 0;
}

function valueOf(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs one command; bad input (options, lines, files) ends in its French sentence and exit code, never a stack trace. */
async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (!(error instanceof CliInputError)) throw error;
    console.error(error.message);
    return error.code;
  }
}

function run(argv: string[]): number | Promise<number> {
  const [group, ...rest] = argv;
  if (group === 'library') return library(rest);
  if (group === 'match') return matchCommand(rest);
  if (group === 'eval') return evalCommand(rest);
  if (group === 'bench') return benchCommand(rest);
  console.error(`Commande inconnue : ${group ?? '(aucune)'}. Commandes : library, match, eval, bench.`);
  return 2;
}

// `npm run library -- stats | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
