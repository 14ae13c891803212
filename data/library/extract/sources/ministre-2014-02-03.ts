/**
 * Parser for `002_235048df8b33cbc5.txt`: compte-rendu of the Collectif's meeting with
 * Mme Najat Vallaud-Belkacem, ministre des Droits des femmes, on 3 February 2014
 * (validated by the Collectif on 17 February 2014).
 *
 * Layout (Markdown-ish export of a Word document, one paragraph a line):
 * - front matter up to « I - Synthèse »: members' logos, contact line, title, « Objet de la
 *   rencontre », participants, calendar, contents. Not positions: it is the secretariat's
 *   framing of the meeting (and mixes in what the minister announced);
 * - « I - Synthèse »: the Collectif as a whole;
 * - « II – Compte-rendu in extenso »: one `##`/`###` heading per speaker turn, naming an
 *   organisation or a role; the turn names the person (« M. Albert rappelle… »).
 *
 * Two paragraphs are broken by a page break (a blank line, then a line starting in lower
 * case, e.g. lines 105/107): they are rejoined into one block.
 */
import type { Block, GovSpeaker, Line, SourceParser } from '../types';
import type { AuthorId } from '../../schema';
import { ITEM_MARK, isFurniture, stripItemMark, stripMarks } from '../text';
import { membersFromParticipants } from '../segment';

const FILE = '002_235048df8b33cbc5.txt';

const MINISTRE = 'Ministre des Droits des femmes';
const MINISTRE_SPEAKER = 'Mme Vallaud-Belkacem';

const PART_I = 'I. Synthèse';
const PART_II = 'II. Compte-rendu in extenso';

/**
 * Government people named in running text: the names only. `segment.ts` re-attributes a
 * sentence of a Collectif block when the person is the one speaking (« Mme Vallaud-Belkacem
 * a rappelé que… », « selon la ministre »), not in « Mme la ministre ayant proposé une
 * circulaire, M. Soulage rappelle… » nor « Répondant à une interrogation de Mme la ministre,
 * Mme Colas indique… », where the member speaks.
 */
export const govSpeakers: GovSpeaker[] = [
  {
    pattern: /\b(?:(?:Mme|Madame)\s+)?(?:la\s+)?[Mm]inistre(?:\s+des\s+[Dd]roits\s+des\s+[Ff]emmes)?\b|\b(?:(?:Mme|Madame)\s+)?(?:Najat\s+)?Vallaud-Belkacem\b/u,
    speaker: MINISTRE_SPEAKER,
    organisation: MINISTRE,
  },
  {
    pattern: /\b(?:(?:Mme|Madame)\s+)?(?:Elizabeth\s+)?Moiron-Braud\b|\b[Ll]a secrétaire générale de la MIPROF\b/u,
    speaker: 'Mme Moiron-Braud',
    organisation: 'MIPROF',
  },
  {
    pattern: /\b(?:(?:M\.|Monsieur)\s+)?(?:Eric\s+)?Panloup\b|\b[Ll]e coordinateur national de la MIPROF\b/u,
    speaker: 'M. Panloup',
    organisation: 'MIPROF',
  },
  {
    pattern: /\b(?:(?:M\.|Monsieur)\s+)?(?:Gilles\s+)?Bon-Maury\b/u,
    speaker: 'M. Bon-Maury',
    organisation: 'Cabinet de la ministre des Droits des femmes',
  },
];

interface TurnKind {
  author: AuthorId;
  speaker?: string;
  organisation: string;
}

/** Turn headings of part II that are the government's side, by heading text. */
const GOV_TURNS: { heading: RegExp; kind: TurnKind }[] = [
  { heading: /^Ministre\b/i, kind: { author: 'gouvernement', speaker: MINISTRE_SPEAKER, organisation: MINISTRE } },
  { heading: /MIPROF/i, kind: { author: 'gouvernement', organisation: 'MIPROF' } },
  // Any other heading naming a minister, a cabinet or an administration is the government's too.
  { heading: /\b(?:minist[èe]re|cabinet|pr[ée]fe|gouvernement|conseill)/i, kind: { author: 'gouvernement', organisation: '' } },
];

/**
 * Members who speak for the Collectif whatever they say: the president of the Secours
 * Catholique and its coordinator, who coordinates the Collectif (participants list).
 */
const COLLECTIF_VOICES = /^(?:M\. Soulage|Mme Colas)$/;

/** A turn that presents the Collectif's stance: « Le Collectif insiste… », « identifiés par le Collectif ». */
const SPEAKS_FOR_COLLECTIF = new RegExp(
  String.raw`\b(?:[Ll]e|du|au) Collectif\b(?:\s*[–-][^–-]{1,80}[–-])?\s+(?:` +
    String.raw`souhaite|insiste|demande|estime|rappelle|considère|juge|note|regrette|déplore|attend|propose|réclame|s'alarme|entend|exige|` +
    String.raw`a (?:demandé|rappelé|insisté|souligné|proposé|regretté|déploré))` +
    String.raw`|identifiés par le Collectif|du devoir du Collectif`,
  'u',
);

/** Person named in a turn: « M. Albert », « Mme O'Dy », « Mme de Ruyg », « M Vienot ». Never « Mme la ministre ». */
const PERSON = /\b(M\.?|Mme)\s+((?:de |d'|du )?[A-ZÉ][\p{L}'’-]*(?:\s+[A-ZÉ][\p{L}'’-]*)*)/u;

/** Names misspelt in the source, mapped to the participants list (metadata only, never wording). */
const NAME_FIXES: Record<string, string> = { 'de Ruggy': 'de Ruyg' };

function personIn(text: string): string | undefined {
  const m = PERSON.exec(text);
  if (!m) return undefined;
  const name = m[2].trim();
  return `${m[1].startsWith('Mme') ? 'Mme' : 'M.'} ${NAME_FIXES[name] ?? name}`;
}

const HEADING = /^\s*#{1,6}\s/;
const COLOPHON = /^Document de travail réalisé par\b/i;

/** One paragraph or list item before authors are decided. */
interface Para {
  lines: Line[];
  item: boolean;
}

interface Turn {
  section: string[];
  heading: string;
  paras: Para[];
}

/** Splits the text into part I paragraphs and part II turns; front matter is dropped. */
function collect(lines: Line[]): { synthese: Para[]; turns: Turn[] } {
  const synthese: Para[] = [];
  const turns: Turn[] = [];
  let part: 'front' | 'I' | 'II' = 'front';
  let current: Para[] | undefined;
  let last: Para | undefined;
  for (const raw of lines) {
    if (HEADING.test(raw.text)) {
      const heading = stripMarks(raw.text).replace(/\s+/g, ' ').trim();
      last = undefined;
      if (/^I\s*[-–]\s*Synth[èe]se\b/i.test(heading)) {
        part = 'I';
        current = synthese;
      } else if (/^II\s*[-–]\s*Compte-rendu\b/i.test(heading)) {
        part = 'II';
        current = undefined;
      } else if (part === 'II') {
        const turn: Turn = { section: [PART_II, heading], heading, paras: [] };
        turns.push(turn);
        current = turn.paras;
      } else if (part === 'I') {
        // A heading inside the synthesis would end it; none in this document.
        current = undefined;
      }
      continue;
    }
    if (part === 'front' || !current) continue;
    const text = stripMarks(raw.text);
    if (isFurniture(text) || COLOPHON.test(text.trim())) continue;
    const trimmed = text.trim();
    // A page break inside a paragraph: the next part starts in lower case.
    if (last && /^[\p{Ll}]/u.test(trimmed)) {
      last.lines.push({ n: raw.n, text: trimmed });
      continue;
    }
    const item = ITEM_MARK.test(trimmed);
    last = { lines: [{ n: raw.n, text: item ? stripItemMark(trimmed) : trimmed }], item };
    current.push(last);
  }
  return { synthese, turns };
}

function turnKind(turn: Turn): TurnKind {
  const gov = GOV_TURNS.find((g) => g.heading.test(turn.heading));
  const all = turn.paras.flatMap((p) => p.lines.map((l) => l.text)).join(' ');
  const named = personIn(all);
  if (gov) {
    return {
      author: 'gouvernement',
      speaker: gov.kind.speaker ?? named,
      organisation: gov.kind.organisation || turn.heading,
    };
  }
  // A role of the Collectif's own delegation (« Expert traite des mineurs »), not a body.
  const delegation = ministre20140203.meta.participants.find((x) => /^Collectif\b/.test(x));
  if (delegation?.toLowerCase().includes(`(${turn.heading.toLowerCase()})`)) {
    return { author: 'collectif', speaker: named, organisation: 'Collectif « Ensemble contre la traite des êtres humains »' };
  }
  const speaker = named;
  const forCollectif = (speaker !== undefined && COLLECTIF_VOICES.test(speaker)) || SPEAKS_FOR_COLLECTIF.test(all);
  return { author: forCollectif ? 'collectif' : 'association', speaker, organisation: turn.heading };
}

function parse(lines: Line[]): Block[] {
  const { synthese, turns } = collect(lines);
  const blocks: Block[] = synthese.map((p) => ({
    section: [PART_I],
    author: 'collectif',
    measures: [],
    lines: p.lines,
    ...(p.item ? { item: true } : {}),
  }));
  for (const turn of turns) {
    const kind = turnKind(turn);
    for (const p of turn.paras) {
      blocks.push({
        section: turn.section,
        author: kind.author,
        ...(kind.speaker ? { speaker: kind.speaker } : {}),
        organisation: kind.organisation,
        measures: [],
        lines: p.lines,
        ...(p.item ? { item: true } : {}),
      });
    }
  }
  return blocks.sort((a, b) => a.lines[0].n - b.lines[0].n);
}

export const ministre20140203: SourceParser = {
  file: FILE,
  meta: {
    id: 'cr-2014-02-03',
    title:
      "Préparation du Plan d'action national contre la traite des êtres humains 2014-2016 : compte-rendu de la réunion du 3 février 2014 avec Mme Najat Vallaud-Belkacem au ministère des Droits des femmes",
    shortTitle: 'Rencontre avec Mme Vallaud-Belkacem',
    kind: 'compte-rendu',
    date: '2014-02-03',
    meeting:
      'Ministère des Droits des femmes, Paris : le Collectif reçu par Mme Najat Vallaud-Belkacem, ministre des Droits des femmes, avec la MIPROF (compte-rendu validé le 17 février 2014)',
    participants: [
      'Mme Najat Vallaud-Belkacem, ministre des Droits des femmes, porte-parole du Gouvernement',
      'Mme Elizabeth Moiron-Braud, secrétaire générale de la MIPROF',
      'M. Eric Panloup, coordinateur national de la MIPROF',
      'M. Gilles Bon-Maury, conseiller au cabinet de Mme Vallaud-Belkacem',
      'Amicale du Nid : Hélène de Ruyg',
      'Armée du Salut : Jane Paone',
      'Association Contre la Prostitution des Enfants (ACPE) : Raffaella Tatangelo',
      'Association du Foyer Jorbalan (AFJ) : Magali Poirier, Céline Huard, Christine Ramos',
      "Comité Contre l'Esclavage Moderne (CCEM) : Sylvie O'Dy, Michel Ricard",
      'Congrégation des Sœurs du Bon Pasteur : Marie-Hélène Halligon',
      'ECPAT France : Philippe Galland, Anko Ordonez',
      "Fédération de l'Entraide Protestante (FEP) : Nicolas Derobert",
      'Hors la rue : Guillaume Lardanchet, Martina Andreeva',
      'Justice et Paix France (JPF) : Denis Vienot',
      'Mouvement du Nid : Pierre Albert',
      "Organisation Internationale Contre l'Esclavage Moderne (OICEM) : Nahgam Hriech Wahabi",
      'Secours Catholique : François Soulage, président ; Geneviève Colas, coordinatrice du Collectif',
      'Collectif « Ensemble contre la traite des êtres humains » : Nicolas Guillot (secrétariat), Lionel Charrier (photographe), Olivier Peyroux (expert traite des mineurs)',
      'Les Amis du Bus des femmes, le réseau Ac-Sé, la FNARS',
    ],
  },
  defaultPlan: 'PAN1',
  govSpeakers,
  parse,
};
ministre20140203.memberSpeakers = membersFromParticipants(ministre20140203.meta.participants, COLLECTIF_VOICES);

export default ministre20140203;
