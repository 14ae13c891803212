/**
 * What a passage is, beyond who said it (`Position.kind`), and which section headings state
 * a demand (`Position.heading`). Rules on the words, so that a new meeting report is read the
 * same way as the bundled ones.
 */
import type { AuthorId, PassageKind } from '../schema';

/** Where in a draft: « la première phrase du second paragraphe », « p. 3 », « page 19 », « (encadré) », « la phrase précitée ». */
const DRAFT_PLACE =
  /\b(?:(?:premi|second|deuxi|troisi|quatri|cinqui|sixi|septi|derni)\p{L}* (?:phrase|ligne|paragraphe|alinéa)|(?:la|cette) phrase (?:précitée|suivante)|p\.\s?\d+|page \d+|paragraphe|titre (?:a fait|reformulé)|encadré|formulation suivante)/iu;
/** An edit to it: « modifier », « ajouter », « remplacer », « reformulé », « comme suit », « il est écrit ». */
const DRAFT_EDIT = /\b(?:modifi\p{L}*|ajout\p{L}*|remplac\p{L}*|reformul\p{L}*|supprim\p{L}*|plac\p{L}*|préciser|comme suit|formulation suivante|phrase suivante|est écrit)/iu;

/** A remark on a draft's wording: names a place in the draft and an edit to it. */
export function isDraftRemarkText(text: string): boolean {
  return DRAFT_PLACE.test(text) && DRAFT_EDIT.test(text);
}

/** The plan's own text: a section that holds it (« Intitulé de la mesure (texte du plan) »), or « Le Plan prévoit… ». */
const PLAN_SECTION = /\bintitulé\b|\btexte du plan\b|\bprojet de plan\b/i;
const PLAN_SAYS = /^(?:Le|Ce) (?:projet de )?[Pp]lan(?: d['’]action national)? (?:prévoit|dispose|indique|précise)\b/u;

/** What the CNCDH asks for, as opposed to what it finds. */
const RECOMMENDS =
  /\b(?:recommand\p{L}*|préconis\p{L}*|doi(?:t|vent)|devr(?:ait|aient|a|ont)|faudrait|il (?:faut|convient|importe|est (?:nécessaire|essentiel|indispensable|urgent|primordial|impératif))|nécessit\p{L}*|invite|encourage|appelle (?:à|les|le|la))\b/iu;
const STATE_ACTIONS = /Actions de l[’']État/u;

export function passageKind(p: { text: string; author: AuthorId; section: string }): PassageKind | undefined {
  if (isDraftRemarkText(p.text)) return 'draft-remark';
  if (p.author === 'gouvernement' && (PLAN_SECTION.test(p.section) || PLAN_SAYS.test(p.text))) return 'plan';
  if (p.author === 'cncdh') {
    if (STATE_ACTIONS.test(p.section)) return 'observation';
    return RECOMMENDS.test(p.text) ? 'recommendation' : 'observation';
  }
  return undefined;
}

/** Section numbering before a heading's words: « 1.2.8 - », « I - », « 3/ », « 2) ». */
export const HEADING_NUMBER = /^\s*(?:[IVX]+|\d+(?:\.\d+)*)\s*(?:[-–.\/)]\s*)?/u;

/** Structural headings: they name a part of the document, not a stance. */
const STRUCTURAL = /^(?:autour d|propos introductifs|introduction|synthèse|compte-rendu|concernant|présentation|réponses?|échanges|mesure \d|priorité|intitulé|observations|actions de|principales recommandations|annexe|participants|sommaire|calendrier|objet)/iu;

/**
 * A heading that states a demand in a few words: an infinitive (« Passer de la France vitrine
 * … à l'action », « Ne pas confondre … »), a task (« … à finaliser », « … à prendre en
 * compte »), a should (« devrait être appliqué »), or a demanded quality (« renforcée »,
 * « accrue », « fiables », « systématique »).
 */
const DEMAND =
  /^(?:ne pas |n['’]|(?:passer|garantir|renforcer|créer|mettre|assurer|développer|reconnaître|former|protéger|faire|donner|rendre|lutter|prévenir|améliorer|augmenter|identifier|accompagner|consolider)(?!\p{L}))|(?<!\p{L})à (?:\p{L}+(?:er|ir|re|oir))(?!\p{L})|(?<!\p{L})devrai(?:t|ent)(?!\p{L})|(?<!\p{L})(?:accrue?s?|renforcée?s?|systématiques?|véritables?|efficaces?|fiables?|adaptée?s?|nécessaires?|plus fréquente?s?)(?!\p{L})/iu;

/** The words of a heading if it states a demand worth offering as a position, else undefined. */
export function demandHeading(label: string): string | undefined {
  const words = label.replace(HEADING_NUMBER, '').replace(/\s+/g, ' ').trim();
  if (STRUCTURAL.test(words)) return undefined;
  if (words.split(' ').filter((w) => /\p{L}{2,}/u.test(w)).length < 4) return undefined;
  return DEMAND.test(words) ? words : undefined;
}
