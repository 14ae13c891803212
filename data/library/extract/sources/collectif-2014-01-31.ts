/**
 * `001_…`: the Collectif's own meeting of 31 January 2014 at the Secours Catholique, which
 * read the draft national action plan measure by measure. All of it is the Collectif's voice.
 *
 * Layout (Word → PDF → text): lines double-spaced with empty lines, paragraphs separated by
 * lines holding a single space; « I- Synthèse », then « II- Compte-rendu (mesure par mesure) »
 * with « PRIORITE » headings, the plan's own sub-headings (no final punctuation) and
 * « Mesure N : titre » headings whose title may run onto the next line.
 */
import type { Block, Line, SourceParser } from '../types';
import taxonomy from '../../taxonomy.json';
import { ITEM_MARK, flat, paragraphs } from '../text';

const SYNTHESIS = /^\s*I-\s*Synth[eè]se/;
const REPORT = /^\s*II-\s*Compte-rendu/;
const END = /^\s*Compte-rendu réalisé par/;
const PRIORITY = /^\s*PRIORIT[EÉ]\s+(I{1,3})\b\s*[:–-]?\s*(.*)$/;
const MEASURE = /^\s*Mesure\s+(\d{1,2})(\s*bis)?\b\s*:?\s*(.*)$/;

export const collectif20140131: SourceParser = {
  file: '001_df98f67c489e2ac8.txt',
  defaultPlan: 'PAN1',
  meta: {
    id: 'cr-2014-01-31',
    title: 'Compte-rendu de la réunion du Collectif du 31 janvier 2014 au Secours Catholique : préparation du plan d’action national 2014-2016',
    shortTitle: 'Réunion du Collectif du 31 janvier 2014',
    kind: 'compte-rendu',
    date: '2014-01-31',
    meeting: 'Réunion du Collectif au Secours Catholique, Paris : lecture du projet de plan d’action national mesure par mesure',
    participants: [
      'Action Catholique des Femmes (ACF)', 'Amicale du Nid', 'Armée du salut', 'ACPE', 'Association du Foyer Jorbalan (AFJ)',
      'Comité Contre l’Esclavage Moderne (CCEM)', 'Congrégation des Sœurs du Bon Pasteur', 'ECPAT France',
      'Fédération de l’Entraide Protestante (FEP)', 'Hors la rue', 'Justice et Paix France (JPF)', 'Mouvement du Nid', 'OICEM',
      'Secours Catholique (Geneviève Colas, coordinatrice du Collectif)', 'Olivier Peyroux',
    ],
  },
  parse,
};

function parse(lines: Line[]): Block[] {
  const start = lines.findIndex((l) => SYNTHESIS.test(l.text));
  const end = lines.findIndex((l) => END.test(l.text));
  const body = lines.slice(start, end < 0 ? undefined : end);
  const blocks: Block[] = [];
  let top = '';
  let priority = '';
  let measure: { label: string; key: string } | undefined;
  let heading = '';

  for (const para of withIntroductions(splitAtHeadings(paragraphs(body, { spaceLineBreaks: true })))) {
    const first = para[0].text;
    const text = flat(para);
    if (SYNTHESIS.test(first)) {
      top = 'I. Synthèse de la réunion';
      continue;
    }
    if (REPORT.test(first)) {
      top = 'II. Compte-rendu (mesure par mesure)';
      priority = 'Introduction';
      measure = undefined;
      heading = '';
      continue;
    }
    const p = PRIORITY.exec(text);
    if (p) {
      priority = `Priorité ${p[1]}`;
      measure = undefined;
      heading = '';
      continue;
    }
    if (/^INTRODUCTION$/.test(text)) continue;
    const m = MEASURE.exec(first);
    if (m) {
      const num = m[1] + (m[2] ? 'bis' : '');
      measure = { key: `PAN1-${num}`, label: `Mesure ${m[1]}${m[2] ? ' bis' : ''}` };
      // Not every priority has its heading in the text (« PRIORITE III » is missing): the plan says which.
      const prio = taxonomy.measures.find((x) => x.key === measure!.key)?.priority;
      if (prio) priority = `Priorité ${'I'.repeat(prio)}`;
      heading = '';
      // The heading's title runs on until the paragraph's first full sentence, if any.
      const rest = titleAndRest(para);
      titleBlock(para.slice(0, para.length - rest.length), num);
      if (rest.length) blocks.push(block(rest));
      continue;
    }
    // The plan's own sub-headings end without punctuation; the Collectif's text always ends a sentence.
    if (!/[.!?:»)…]\s*$/.test(text)) {
      heading = text;
      continue;
    }
    blocks.push(block(para));
  }
  return blocks;

  /**
   * The measure's title as the draft plan worded it: the Government's text, unless the
   * report says the Collectif reworded it (« titre reformulé / modifié par le Collectif »,
   * or the next paragraph: « Le titre a fait l'objet d'une reformulation par le Collectif »).
   */
  function titleBlock(title: Line[], num: string): void {
    const label = MEASURE.exec(title[0].text)!;
    const first = { ...title[0], text: label[3] };
    const lines = [first, ...title.slice(1)].filter((l) => l.text.trim());
    if (!lines.length) return;
    const i = body.findIndex((l) => l.n === title[title.length - 1].n);
    const after = flat(body.slice(i + 1, i + 8));
    const ours = /par le Collectif/i.test(flat(title)) || /^Le titre a fait l.objet d.une reformulation par le Collectif/.test(after);
    blocks.push({
      section: [top, priority, measure!.label, ours ? 'Intitulé proposé par le Collectif' : 'Intitulé du projet de plan'],
      author: ours ? 'collectif' : 'gouvernement',
      organisation: ours ? 'Collectif « Ensemble contre la traite des êtres humains »' : 'Projet de plan d’action national (Gouvernement)',
      measures: [`PAN1-${num}`],
      lines,
    });
  }

  function block(para: Line[]): Block {
    const section = [top];
    if (top.startsWith('II')) section.push(priority);
    if (measure) section.push(measure.label);
    else if (heading) section.push(heading);
    return {
      section: section.filter(Boolean),
      author: 'collectif',
      organisation: 'Collectif « Ensemble contre la traite des êtres humains »',
      measures: measure ? [measure.key] : [],
      lines: para,
      item: ITEM_MARK.test(para[0].text),
    };
  }
}

/** A heading printed without a space line before it still starts a new paragraph. */
function splitAtHeadings(paras: Line[][]): Line[][] {
  const out: Line[][] = [];
  for (const para of paras) {
    let cur: Line[] = [];
    for (const line of para) {
      if (cur.length && (MEASURE.test(line.text) || PRIORITY.test(line.text))) {
        out.push(cur);
        cur = [];
      }
      cur.push(line);
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

/**
 * « Le Collectif propose la formulation suivante : » reads only with what follows: a
 * paragraph ending in a colon takes the next paragraphs (a quotation, a short list) while
 * the whole stays the size of a position.
 */
function withIntroductions(paras: Line[][]): Line[][] {
  const out: Line[][] = [];
  for (let i = 0; i < paras.length; i++) {
    const cur = [...paras[i]];
    let inList = false;
    while (i + 1 < paras.length) {
      const next = paras[i + 1];
      const item = /^\s*(?:[-–●•]|\d{1,2}\s*\/)/.test(next[0].text);
      if (!/:\s*$/.test(flat(cur)) && !(inList && item)) break;
      if (MEASURE.test(next[0].text) || PRIORITY.test(next[0].text)) break;
      if (flat(cur).length + flat(next).length > 650) break;
      cur.push(...next);
      i++;
      inList ||= item;
    }
    out.push(cur);
  }
  return out;
}

/**
 * A « Mesure N : titre » paragraph holds the title (one or two lines) and, when no space
 * line separated them, the first lines of the Collectif's comment: return those.
 */
function titleAndRest(para: Line[]): Line[] {
  let i = 1;
  // Title continuation lines start lower-case or close a bracket the title opened.
  while (i < para.length && /^\s*[\p{Ll}(]|^\s*Collectif\)/u.test(para[i].text)) i++;
  return para.slice(i);
}
