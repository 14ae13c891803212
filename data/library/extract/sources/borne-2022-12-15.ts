/**
 * Parser for `003_668f8a45811cfd71.txt`: the Collectif's plaidoyer meeting with the cabinet
 * of Mme Élisabeth Borne, Première ministre, and the Élysée, 15 December 2022.
 *
 * Layout (text extracted from a PDF): every printed line is followed by an empty line; a
 * line holding only spaces marks a larger vertical gap (between sections, speaker turns and
 * some paragraphs). Paragraphs are not otherwise marked: a new one starts after a gap, at a
 * list bullet, at a speaker label, at an opening quotation mark after a colon, or where a
 * line ends a sentence and the next starts with a capital.
 *
 * - front matter up to « I - Présentation… »: title, time, address, participants;
 * - part I (1.1-1.3): the Collectif's analysis;
 * - part 2: the advisers' answers, one turn per heading naming the adviser;
 * - part 3 (3.1-3.8): the Collectif's reactions, « Les membres du Collectif : … », with the
 *   advisers' replies labelled inline, « Réponse de Vanessa Perrée : … ». A reply lasts
 *   until the next gap or heading: after it the voice is the Collectif's again (3.6, where
 *   labour-trafficking paragraphs follow the Colonel's one-line reply after a gap).
 */
import type { Block, GovSpeaker, Line, SourceParser } from '../types';
import type { AuthorId } from '../../schema';
import { isFurniture, stripMarks } from '../text';

const FILE = '003_668f8a45811cfd71.txt';

const CABINET = 'Cabinet de la Première ministre';

/** The government people of this meeting, by how the text writes their names (PERREE, Pommeau…). */
const PEOPLE: { name: RegExp; speaker: string; organisation: string }[] = [
  { name: /\bPERR[EÉ]E\b/i, speaker: 'Mme Vanessa Perrée', organisation: CABINET },
  { name: /\bSAUNERON\b/i, speaker: 'Mme Sarah Sauneron', organisation: `${CABINET} et Élysée` },
  { name: /\bPO[UM]MEAU\b/i, speaker: 'Colonel Guillaume Poumeau de Lafforest', organisation: CABINET },
  {
    name: /\bGALLOIS\b/i,
    speaker: 'M. Sébastien Gallois',
    organisation: "Cabinet de la secrétaire d'État chargée de l'enfance",
  },
];

function person(text: string): { speaker: string; organisation: string } | undefined {
  const p = PEOPLE.find((x) => x.name.test(text));
  return p && { speaker: p.speaker, organisation: p.organisation };
}

/**
 * Government people named in running text: the names only. `segment.ts` re-attributes a
 * sentence of a Collectif block when the person is the one speaking (« Vanessa Perrée a
 * indiqué… »). « L'annonce qui nous est faite par les Conseillers… est très très décevante »
 * and « qu'en janvier “les conseillers” “espèrent”… » are the Collectif's reactions and stay
 * the Collectif's. The MIPROF is left out on purpose: the Collectif criticises it throughout
 * and no MIPROF member was at this meeting.
 */
export const govSpeakers: GovSpeaker[] = [
  {
    pattern: /\b(?:(?:Mme|Madame)\s+)?(?:Vanessa\s+)?(?:Perrée|PERREE)\b/u,
    speaker: 'Mme Vanessa Perrée',
    organisation: CABINET,
  },
  {
    pattern: /\b(?:(?:Mme|Madame)\s+)?(?:Sarah\s+)?(?:Sauneron|SAUNERON)\b/u,
    speaker: 'Mme Sarah Sauneron',
    organisation: `${CABINET} et Élysée`,
  },
  {
    pattern: /\b(?:(?:[Ll]e\s+)?[Cc]olonel\s+)?(?:Guillaume\s+)?(?:Poumeau|Pommeau|POUMEAU)(?:\s+de\s+(?:Lafforest|LAFFOREST))?\b|\b[Ll]e [Cc]olonel\b/u,
    speaker: 'Colonel Guillaume Poumeau de Lafforest',
    organisation: CABINET,
  },
  {
    pattern: /\b(?:M\.\s+)?(?:Sébastien\s+)?(?:Gallois|GALLOIS)\b/u,
    speaker: 'M. Sébastien Gallois',
    organisation: "Cabinet de la secrétaire d'État chargée de l'enfance",
  },
  { pattern: /\b[Ll]es [Cc]onseill(?:ers|ères)\b/u, speaker: 'les conseillers', organisation: `${CABINET} et Élysée` },
  {
    pattern: /\b[Ll]a Première [Mm]inistre\b|\b(?:(?:Mme|Madame)\s+)?(?:Elisabeth|Élisabeth)\s+Borne\b/u,
    speaker: 'Mme Élisabeth Borne',
    organisation: 'Première ministre',
  },
];

// ---- line classes -------------------------------------------------------------------------

/** « I - Présentation… », « 1.2.1 - La qualification… », « 1.3.3 Des nouvelles… », « 2 - Réponses… », « 3/ Echanges… ». */
const NUMBERED = /^(?:(?<roman>I{1,3}|IV|V)\s*[-–]\s+|(?<dotted>\d(?:\.\d{1,2}){1,2})\s*[-–]?\s+|(?<single>\d)\s*(?:[-–]|\/)\s*)(?=[A-ZÉÈÀÇ«“"])/u;
/** Part 2 turn headings: « Madame Vanessa PERREE, conseillère… », « Le Colonel Guillaume POUMEAU de LAFFOREST, … ». */
const PERSON_HEADING = /^(?:Madame|Monsieur|Mme|M\.|Le Colonel|Le Général|La Générale)\s+(?:[A-ZÉ][\p{Ll}-]+\s+)?[A-ZÉ]{2,}[A-ZÉ' -]*(?:de [A-ZÉ]{2,})?\s*,/u;
const MEMBERS_LABEL = /^Les membres du Collectif\s*:\s*/;
const REPLY_LABEL = /^Réponse (?:de|du|d'|d’|via)\s+([^:]{2,80}?)\s*:\s*/;
const BULLET = /^[●•▪]\s*/;
/** Lines that are only stray punctuation (line 284 is a lone « . »). */
const STRAY = /^[\s.,;:…·]*$/;
const SENTENCE_END = /[.!?…»”")]\s*$/;
const STARTS_UPPER = /^[\p{Lu}«“"0-9]/u;
const STARTS_LOWER = /^[\p{Ll}]/u;
/** The heading of a section about the national identification mechanism: PAN2 measure 16. */
const MEASURE_HEADINGS: { heading: RegExp; measures: string[] }[] = [
  { heading: /m[ée]canisme national (?:pour l'|pour l’|d'|d’|de l'|de l’)identification/i, measures: ['PAN2-16'] },
];

interface Heading {
  kind: 'heading';
  level: number;
  /** Which part a top-level heading opens (I, 2, 3). */
  part?: string;
  person: boolean;
  text: string;
}

interface Para {
  kind: 'para';
  lines: Line[];
  item: boolean;
  /** Voice label that opens the paragraph, already cut from its first line. */
  label?: { members: true } | { reply: string };
  /** Opens with a quotation mark (the e-mail quoted in 3.8). */
  quote: boolean;
  /** A larger vertical gap comes before it. */
  afterGap: boolean;
}

type Unit = Heading | Para;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

function headingOf(line: string): Heading | undefined {
  const text = clean(line);
  if (PERSON_HEADING.test(text)) return { kind: 'heading', level: 1, person: true, text };
  const m = NUMBERED.exec(text);
  if (!m?.groups) return undefined;
  const { roman, dotted, single } = m.groups;
  if (roman) return { kind: 'heading', level: 0, part: roman, person: false, text };
  if (single) return { kind: 'heading', level: 0, part: single, person: false, text };
  return { kind: 'heading', level: dotted.split('.').length - 1, person: false, text };
}

/** Groups the lines into headings and paragraphs. Front matter (before part I) is dropped. */
function units(lines: Line[]): Unit[] {
  const out: Unit[] = [];
  let started = false;
  let gap = false;
  let heading: Heading | undefined;
  let para: Para | undefined;
  for (const raw of lines) {
    if (raw.text.length > 0 && /^\s+$/.test(raw.text)) {
      gap = true;
      heading = undefined;
      para = undefined;
      continue;
    }
    const text = stripMarks(raw.text).trim();
    if (!text || STRAY.test(text) || isFurniture(text)) continue;
    const h = headingOf(text);
    if (!started) {
      if (!(h && h.part === 'I')) continue;
      started = true;
    }
    const members = MEMBERS_LABEL.exec(text);
    const reply = REPLY_LABEL.exec(text);
    if (h && !members && !reply) {
      heading = h;
      para = undefined;
      gap = false;
      out.push(h);
      continue;
    }
    // A heading runs on over its wrapped lines until a gap, a label or another heading.
    if (heading && !members && !reply) {
      heading.text = clean(`${heading.text} ${text}`);
      continue;
    }
    heading = undefined;
    const line: Line = { n: raw.n, text };
    const bullet = BULLET.test(text);
    const prev = para?.lines[para.lines.length - 1]?.text;
    const quote = /^[“«"]/.test(text) && prev !== undefined && /:\s*$/.test(prev);
    const continues =
      para !== undefined &&
      prev !== undefined &&
      !members &&
      !reply &&
      !bullet &&
      !quote &&
      (para.item ? STARTS_LOWER.test(text) : !(SENTENCE_END.test(prev) && STARTS_UPPER.test(text)));
    if (continues && para) {
      para.lines.push(line);
      continue;
    }
    const label = members ? { members: true as const } : reply ? { reply: reply[1] } : undefined;
    const cut = members?.[0].length ?? reply?.[0].length ?? 0;
    const first = bullet ? text.replace(BULLET, '') : text.slice(cut);
    para = {
      kind: 'para',
      lines: first ? [{ n: raw.n, text: first }] : [],
      item: bullet,
      ...(label ? { label } : {}),
      quote,
      afterGap: gap,
    };
    gap = false;
    out.push(para);
  }
  return out;
}

interface Voice {
  author: AuthorId;
  speaker?: string;
  organisation?: string;
}

const COLLECTIF: Voice = { author: 'collectif' };

/** « Pour Aux Captifs la libération comme les autres associations du Collectif… »: a member speaking for all. */
const MEMBER_FOR_ALL = /^Pour (.{3,60}?) comme les autres associations du Collectif\b/u;

function parse(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  const path: string[] = [];
  let part = 'I';
  let measures: string[] = [];
  let voice: Voice = COLLECTIF;
  /** Voice of the quotation being read, until its closing mark. */
  let quoteVoice: Voice | undefined;
  const list = units(lines);
  for (const [i, u] of list.entries()) {
    if (u.kind === 'heading') {
      path.length = u.level;
      path[u.level] = u.text;
      if (u.part) part = u.part;
      measures = MEASURE_HEADINGS.filter((m) => path.some((p) => m.heading.test(p))).flatMap((m) => m.measures);
      quoteVoice = undefined;
      if (part === '2') {
        const who = person(u.text);
        voice = { author: 'gouvernement', ...(who ?? { organisation: CABINET }) };
      } else {
        voice = COLLECTIF;
      }
      continue;
    }
    if (u.lines.length === 0) continue;
    if (part === '3') {
      if (u.label && 'members' in u.label) voice = COLLECTIF;
      else if (u.label && 'reply' in u.label) voice = { author: 'gouvernement', ...(person(u.label.reply) ?? { speaker: u.label.reply, organisation: CABINET }) };
      // A reply ends at the next gap: what follows unlabelled is the Collectif's again.
      else if (u.afterGap && !quoteVoice) voice = COLLECTIF;
    }
    let v = quoteVoice ?? voice;
    if (u.quote && v.author === 'gouvernement') {
      // A quoted message is its signer's (« Bien cordialement, Sébastien GALLOIS »).
      const signer = signature(quotedText(list, i));
      v = { ...v, ...(signer ?? {}) };
      quoteVoice = v;
    }
    if (quoteVoice && u.lines.some((l) => /”\s*$/.test(l.text))) quoteVoice = undefined;
    const text = u.lines.map((l) => l.text).join(' ');
    const member = v.author === 'collectif' ? MEMBER_FOR_ALL.exec(text) : null;
    blocks.push({
      section: [...path],
      author: v.author,
      ...(v.speaker ? { speaker: v.speaker } : {}),
      ...(member ? { organisation: member[1] } : v.organisation ? { organisation: v.organisation } : {}),
      measures: [...measures],
      lines: u.lines,
      ...(u.item ? { item: true } : {}),
    });
  }
  return blocks;
}

/** Text of the quotation opening at unit `i`, up to its closing mark or the next heading. */
function quotedText(list: Unit[], i: number): string {
  const parts: string[] = [];
  for (let j = i; j < list.length; j++) {
    const u = list[j];
    if (u.kind === 'heading' || (j > i && u.label)) break;
    const t = u.lines.map((l) => l.text).join(' ');
    parts.push(t);
    if (/”\s*$/.test(t)) break;
  }
  return parts.join(' ');
}

/** The signer of a quoted letter or e-mail, when one of this meeting's people signs it. */
function signature(quoted: string): { speaker: string; organisation: string } | undefined {
  const m = /(?:cordialement|salutations|sentiments)[^,]*,\s*([^,”]{3,60})/iu.exec(quoted);
  return m ? person(m[1]) : undefined;
}

export const borne20221215: SourceParser = {
  file: FILE,
  meta: {
    id: 'plaidoyer-2022-12-15',
    title:
      "Plaidoyer auprès d'Élisabeth Borne, Première ministre : rencontre avec le Cabinet de la Première ministre et l'Élysée du 15 décembre 2022",
    shortTitle: 'Plaidoyer auprès du cabinet de Mme Borne',
    kind: 'plaidoyer',
    date: '2022-12-15',
    meeting:
      "58 rue de Varenne, Paris : le Collectif reçu par les conseillers du Cabinet de la Première ministre, Mme Élisabeth Borne, et de l'Élysée",
    participants: [
      'Mme Vanessa Perrée, conseillère pour la justice au Cabinet de la Première ministre',
      "Mme Sarah Sauneron, conseillère technique pour les solidarités, l'égalité femme homme et la lutte contre les discriminations au Cabinet de la Première ministre et à l'Élysée",
      'Colonel Guillaume Poumeau de Lafforest, conseiller Gendarmerie au cabinet de la Première ministre',
      'Geneviève Colas, coordinatrice du Collectif « Ensemble contre la traite des êtres humains » pour le Secours Catholique - Caritas France',
      "Yolanda Gutierrez, directrice de l'AFJ",
      "Mona Chamass Saunier, directrice du Comité Contre l'Esclavage Moderne (CCEM)",
      'Guillaume Lardanchet, directeur de Hors la Rue',
      'Muriel Roy, directrice Pôle Partenariat, Collecte et Communication à Aux captifs, la libération',
      "Delphine Jarraud, directrice de l'Amicale du Nid",
      'Anouk Langrand Lescure, ECPAT',
      "Martine Dyrszka, vice-présidente de l'ACPE",
    ],
  },
  defaultPlan: 'PAN2',
  govSpeakers,
  parse,
};

export default borne20221215;
