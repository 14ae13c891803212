/**
 * The names of the organisations that speak in the library, read as names, not as what their words say.
 *
 * The Collectif is called « Ensemble contre la traite des êtres humains », and two of its members are the
 * « Comité contre l'esclavage moderne » and the « Organisation internationale contre l'esclavage moderne »:
 * their staff sign every mail with those names, and their office mail names them (« Le Comité contre
 * l'esclavage moderne vous invite à son assemblée générale »). Read word for word, the name alone made such
 * a mail look like a paragraph on trafficking (probability 0.82 to 1.00, the panel answered), while the
 * same mail with the acronym (« Le CCEM vous invite… ») was rightly quiet (0.15).
 *
 * So a name written out reads as the organisation's acronym when it has one (as if « CCEM » were written:
 * the acronym is then spelled out for the search as any acronym is, but the name's words are no evidence of
 * the subject), and as nothing otherwise. Only names whose words would count as such evidence are read so
 * (the concept layer finds a concept in them): « Secours Catholique » or « Hors la rue » say nothing of the
 * subject and stay as written, so that « ce que dit Hors la rue » still finds Hors la rue's positions.
 *
 * The names come from the library (the organisation of each position on the Collectif's side, the name
 * inside « » when there is one, and the long forms of every organisation that is an acronym, the MIPROF's
 * too): a source imported with a new member association brings its name.
 */
import type { AcronymExpander } from './acronyms';
import { analyzeWithSurface, type Token } from './normalise';

export interface OrganisationName {
  /** The name's analysed words, in order (stop words left out, as in any analysed text). */
  stems: string[];
  /** The acronym it reads as, as the acronym written would be read (« CCEM »); none: the name reads as nothing. */
  as?: Pick<Token, 'stem' | 'word'>;
}

/**
 * The names to read as names, longest first (a longer name wins where two start at the same word), from the
 * organisations of the library's positions: of every one that is an acronym, its long forms (the MIPROF's
 * « Mission interministérielle … la lutte contre la traite des êtres humains » is a name whoever writes it);
 * of the Collectif's side, the name itself too (a government « organisation » may be a document, « Plan d'action
 * national 2014-2016 », whose words do tell the subject).
 */
export function organisationNames(
  organisations: Iterable<{ name: string; ours: boolean }>,
  acronyms: Pick<AcronymExpander, 'lookup'>,
  tellsTheSubject: (tokens: Token[]) => boolean,
): OrganisationName[] {
  const names = new Map<string, OrganisationName>();
  const add = (written: string, as?: Pick<Token, 'stem' | 'word'>) => {
    const tokens = analyzeWithSurface(written);
    if (tokens.length < 2 || !tellsTheSubject(tokens)) return;
    const stems = tokens.map((t) => t.stem);
    names.set(stems.join(' '), as ? { stems, as } : { stems });
  };
  const seen = new Set<string>();
  for (const { name: organisation, ours } of organisations) {
    if (seen.has(`${ours} ${organisation}`)) continue;
    seen.add(`${ours} ${organisation}`);
    const quoted = /«\s*([^»]+?)\s*»/.exec(organisation)?.[1];
    const bare = organisation.replace(/\([^)]*\)/g, ' ').trim();
    const entry = acronyms.lookup(bare);
    const short = entry && analyzeWithSurface(entry.acronym)[0];
    const as = short ? { stem: short.stem, word: short.word } : undefined;
    if (entry) for (const expansion of entry.expansions) add(expansion, as);
    if (!ours) continue;
    if (quoted) add(quoted);
    else if (!entry) add(bare);
  }
  return [...names.values()].sort((a, b) => b.stems.length - a.stems.length);
}

/**
 * The tokens with every organisation name found in them replaced by its acronym's token (spanning the name,
 * so that highlighting still points at the text), or left out, the tokens' order kept; and where the names
 * are in the text (`[start, end)` offsets), for what reads the words otherwise.
 */
export function readNamesAsNames(tokens: readonly Token[], names: readonly OrganisationName[]): { tokens: Token[]; spans: [number, number][] } {
  const spans: [number, number][] = [];
  if (!names.length) return { tokens: [...tokens], spans };
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const name = names.find((n) => n.stems.every((s, j) => tokens[i + j]?.stem === s));
    if (!name) {
      out.push(tokens[i]!);
      i++;
      continue;
    }
    const first = tokens[i]!;
    const last = tokens[i + name.stems.length - 1]!;
    if (name.as) out.push({ ...name.as, start: first.start, end: last.end });
    spans.push([first.start, last.end]);
    i += name.stems.length;
  }
  return { tokens: out, spans };
}
