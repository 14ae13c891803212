/**
 * `000_…`: meeting of 24 June 2014 at the Prime Minister's office (M. Manuel Valls) with
 * Mme Hélène Cazaux-Charles, conseillère pour la justice: the Collectif's proposals for
 * implementing the plan, by theme. The Collectif's voice throughout, except where the
 * report says what the adviser remarked (`govSpeakers`).
 *
 * Layout: typeset PDF, no blank-line paragraphs; theme headings are one or two lines
 * indented by a space, with no full stop, followed by a capitalised paragraph.
 */
import type { Block, GovSpeaker, Line, SourceParser } from '../types';
import { ITEM_MARK, isFurniture, paragraphs } from '../text';

const BODY = /^\s*Compte-rendu de la rencontre\s*:\s*$/;

const govSpeakers: GovSpeaker[] = [
  {
    pattern: /\b(?:Madame|Mme)\s+(?:Hélène\s+)?Cazaux-\s?Charles\b/,
    speaker: 'Mme Hélène Cazaux-Charles',
    organisation: 'Cabinet du Premier ministre (conseillère pour la justice)',
  },
];

export const matignon20140624: SourceParser = {
  file: '000_49fadb97b6ee522a.txt',
  defaultPlan: 'PAN1',
  govSpeakers,
  meta: {
    id: 'cr-2014-06-24',
    title: 'Compte-rendu de la rencontre du 24 juin 2014 au cabinet du Premier ministre avec Mme Hélène Cazaux-Charles, conseillère pour la justice : propositions du Collectif pour la mise en œuvre du plan',
    shortTitle: 'Rencontre au cabinet du Premier ministre (Mme Cazaux-Charles)',
    kind: 'compte-rendu',
    date: '2014-06-24',
    meeting: 'Cabinet du Premier ministre, M. Manuel Valls, avec Mme Hélène Cazaux-Charles, conseillère pour la justice',
    participants: [
      'Hélène Cazaux-Charles, conseillère pour la justice du Premier ministre',
      'Secours Catholique : Geneviève Colas, coordinatrice du Collectif ; Nicolas Guillot, secrétariat',
      'Association Foyer Jorbalan (AFJ) : Magali Poirier',
      'Comité Contre l’Esclavage Moderne (CCEM) : Sylvie O’Dy',
      'Hors la Rue : Alexandre Le Clève',
      'OICEM : Nagham Hriech Wahabi',
    ],
  },
  parse,
};

function parse(lines: Line[]): Block[] {
  const start = lines.findIndex((l) => BODY.test(l.text));
  const body = lines.slice(start + 1).filter((l) => l.text.trim() && !isFurniture(l.text));
  const headings = findHeadings(body);
  const blocks: Block[] = [];
  let section = 'Compte-rendu de la rencontre';
  let run: Line[] = [];
  const flush = () => {
    for (const para of paragraphs(run, { shortLine: 0.8 })) {
      blocks.push({
        section: ['Propositions du Collectif', section],
        author: 'collectif',
        organisation: 'Collectif « Ensemble contre la traite des êtres humains »',
        measures: [],
        lines: para,
        item: ITEM_MARK.test(para[0].text),
      });
    }
    run = [];
  };
  for (let i = 0; i < body.length; i++) {
    const h = headings.get(i);
    if (h) {
      flush();
      section = h.title;
      i += h.length - 1;
      continue;
    }
    run.push(body[i]);
  }
  flush();
  return blocks;
}

/**
 * Theme headings: a run of one or two lines, the first indented by a space, with no
 * sentence end in it, followed by a capitalised line. « Au cours de l'échange, Madame… »
 * is indented too but runs on into a sentence, so it is not one.
 */
function findHeadings(body: Line[]): Map<number, { title: string; length: number }> {
  const out = new Map<number, { title: string; length: number }>();
  for (let i = 0; i < body.length; i++) {
    if (!/^ \S/.test(body[i].text)) continue;
    // A heading follows the end of a sentence (or another heading), never the middle of one.
    if (i > 0 && !out.has(i - 1) && !out.has(i - 2) && !/[.!?»:)…]\s*$/.test(body[i - 1].text)) continue;
    for (const len of [1, 2]) {
      const run = body.slice(i, i + len);
      const next = body[i + len];
      const title = run.map((l) => l.text.trim()).join(' ');
      if (run.length < len || !next) break;
      if (/[.;](?:\s|$)/.test(title) || /[,:]\s*$/.test(title)) break;
      if (/^\s*[\p{Lu}«]/u.test(next.text) && title.length < 200) {
        out.set(i, { title, length: len });
        break;
      }
    }
  }
  return out;
}
