/**
 * The words the panel puts on the library's data: who said a wording, a measure's chip, a CNCDH
 * status, an editor's name, an insert's outcome. One place, every string through `t()`.
 */
import type { EditorKind, InsertFailure, InsertResult, MeasureEntry, SearchResponse, WebApp } from '../data/protocol';
import { isAuthorsOwnBody, type AuthorId, type CncdhStatus, type MeasureReason, type Position } from '../data/library/schema';
import { formatList, t, tCount, type MessageKey } from '../utils/i18n';

/** The badge: « Collectif », the association's name, « Recommandation de la CNCDH », « Propos du gouvernement ». */
export function authorBadge(position: Pick<Position, 'author' | 'organisation' | 'kind'>): string {
  switch (position.author) {
    case 'collectif':
      return t('authorCollectif');
    case 'association':
      return position.organisation ?? t('authorAssociation');
    case 'cncdh':
      return position.kind === 'observation' ? t('authorCncdhObservation') : t('authorCncdh');
    case 'gouvernement':
      return position.kind === 'plan' ? t('authorPlan') : t('authorGouvernement');
  }
}

/**
 * « cité par la CNCDH, 2017 » when the words come from another body's document: the Collectif's view as the CNCDH
 * reports it, the government's as the CNCDH reports it, an administration's text the Collectif quotes.
 */
export function quotedByLine(position: Pick<Position, 'quotedIn'>): string {
  const q = position.quotedIn;
  if (!q) return '';
  const who = q.author === 'gouvernement' ? t('quotedByGouvernement') : q.author === 'cncdh' ? t('quotedByCncdh') : t('quotedByCollectif');
  return t('quotedBy', who, q.year);
}

/** Why a measure chip is on a card, for its tooltip. */
export function measureReasonLabel(reason: MeasureReason | undefined): string {
  if (!reason) return '';
  const keys: Record<MeasureReason, MessageKey> = { section: 'measureReasonSection', mention: 'measureReasonMention', cue: 'measureReasonCue' };
  return t(keys[reason]);
}

/** What the badge means, for its tooltip. */
export function authorHint(author: AuthorId, kind?: Position['kind']): string {
  if (author === 'gouvernement' && kind === 'plan') return t('authorPlanHint');
  const keys: Record<AuthorId, MessageKey> = {
    collectif: 'authorCollectifHint',
    association: 'authorAssociationHint',
    cncdh: 'authorCncdhHint',
    gouvernement: 'authorGouvernementHint',
  };
  return t(keys[author]);
}

/**
 * Who exactly, beside the badge: « Mme Colas, Secours Catholique » for the Collectif, the speaker for
 * an association, « Mme Cazaux-Charles, Cabinet du Premier ministre » for the government.
 */
export function speakerLine(position: Pick<Position, 'author' | 'speaker' | 'organisation'>): string {
  const { author, speaker, organisation } = position;
  if (author === 'association') return speaker ?? '';
  // The CNCDH's or the Collectif's own name says nothing the badge does not.
  const body = isAuthorsOwnBody(position) ? undefined : organisation;
  if (author === 'cncdh') return body ?? '';
  return [speaker, body].filter(Boolean).join(', ');
}

/** « Mesure 5 », « Mesure 4 bis », « Plan 2 · mesure 16 » (the 2014 plan is the one the reports discuss). */
export function measureLabel(measure: Pick<MeasureEntry, 'plan' | 'number'> | undefined, key: string): string {
  const plan = measure?.plan ?? key.split('-')[0] ?? '';
  const number = measure?.number ?? (key.split('-')[1] ?? key).replace(/(\d)(bis|ter)$/, '$1 $2');
  if (plan === 'PAN1') return t('measureLabel', number);
  return t('measureLabelPlan', plan.replace(/^PAN/, ''), number);
}

export function cncdhStatusLabel(status: CncdhStatus): string {
  const keys: Record<CncdhStatus, MessageKey> = {
    'non mise en oeuvre': 'cncdhStatusNone',
    'partiellement mise en oeuvre': 'cncdhStatusPartial',
    'mise en oeuvre': 'cncdhStatusDone',
  };
  return t(keys[status]);
}

const EDITOR_NAMES: Record<EditorKind, MessageKey> = {
  textarea: 'editor_textarea',
  input: 'editor_input',
  contenteditable: 'editor_contenteditable',
  prosemirror: 'editor_prosemirror',
  ckeditor5: 'editor_ckeditor5',
  ckeditor4: 'editor_ckeditor4',
  quill: 'editor_quill',
  lexical: 'editor_lexical',
  slate: 'editor_slate',
  trix: 'editor_trix',
  jodit: 'editor_jodit',
  summernote: 'editor_summernote',
  codemirror: 'editor_codemirror',
  codemirror5: 'editor_codemirror5',
  tinymce: 'editor_tinymce',
  etherpad: 'editor_etherpad',
  gmail: 'editor_gmail',
  outlook: 'editor_outlook',
  word: 'editor_word',
  gdocs: 'editor_gdocs',
};

/** What the panel calls the place the user writes in: the web application when known, else the editor. */
export function editorName(kind: EditorKind, app?: WebApp): string {
  if (app === 'roundcube') return t('editor_roundcube');
  return t(EDITOR_NAMES[kind] ?? 'editor_contenteditable');
}

const INSERT_FAILURES: Record<InsertFailure, MessageKey> = {
  'no-editor': 'insertFailedNoEditor',
  'frame-gone': 'insertFailedFrameGone',
  'editor-gone': 'insertFailedEditorGone',
  'not-inserted': 'insertFailedNotInserted',
  'inserted-twice': 'insertFailedTwice',
  unsupported: 'insertFailedUnsupported',
  // The card asks instead (CardActions); said only if another caller ever shows it.
  'already-present': 'insertAgainQuestion',
};

/** An insert's outcome, said honestly: inserted, inserted but not undoable, sent but unverifiable, or why not. */
export function insertOutcome(result: InsertResult): { ok: boolean; message: string } {
  if (!result.ok) return { ok: false, message: t(INSERT_FAILURES[result.reason] ?? 'insertFailedError') };
  if (result.unverified) return { ok: true, message: t('insertedUnverified') };
  return { ok: true, message: t(result.undoable ? 'inserted' : 'insertedNoUndo') };
}

/** The host of a page address, for « Vous écrivez dans … — mail.asso.org ». */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** A look-up's count, in the panel and the popup: « 23 positions trouvées · 5 affichées », « Aucune position trouvée. ». */
export function searchCountLine(total: number, shown: number): string {
  if (!total) return t('searchNone');
  return total > shown ? `${tCount('searchTotal', total)} · ${tCount('searchShown', shown)}` : tCount('searchTotal', total);
}

/**
 * Above the words of whom a question asks for, in the panel and the popup: a speaker's or an organisation's (« Propos de
 * Mme … seulement, les plus proches … d'abord : »), the government's or the CNCDH's, or all the Collectif's (in the
 * meetings a question names, « ce que nous avons demandé à Matignon »).
 */
export function whoseWordsLine(answer: Pick<SearchResponse, 'speakers' | 'organisations' | 'speakersBySubject' | 'author' | 'oursAsked' | 'sourcesAddressed'>): string | undefined {
  const named = [...(answer.speakers ?? []), ...(answer.organisations ?? [])];
  if (named.length) return t(answer.speakersBySubject ? 'searchSpeakers' : 'searchSpeakersAll', formatList(named));
  if (answer.author) return t(answer.author === 'cncdh' ? 'searchAuthorCncdh' : 'searchAuthorGouvernement');
  if (answer.oursAsked) return t(answer.sourcesAddressed ? 'searchOursThere' : 'searchOursAll');
  return undefined;
}

/** The years of a national action plan, as people name it: PAN1 → « 2014-2016 ». */
const PLAN_YEARS: Record<string, string> = { PAN1: '2014-2016', PAN2: '2019-2021' };
export function planYears(plan: string): string {
  return PLAN_YEARS[plan] ?? plan.replace(/^PAN/, 'n° ');
}

/** Each theme of the taxonomy: its name and what it covers, in the interface's language (French: the taxonomy's words). */
const THEMES: Record<string, { name: MessageKey; about: MessageKey }> = {
  'identification': { name: 'theme_identification', about: 'themeAbout_identification' },
  'formation': { name: 'theme_formation', about: 'themeAbout_formation' },
  'sensibilisation': { name: 'theme_sensibilisation', about: 'themeAbout_sensibilisation' },
  'delai-reflexion': { name: 'theme_delai_reflexion', about: 'themeAbout_delai_reflexion' },
  'sejour': { name: 'theme_sejour', about: 'themeAbout_sejour' },
  'droits-sociaux': { name: 'theme_droits_sociaux', about: 'themeAbout_droits_sociaux' },
  'hebergement': { name: 'theme_hebergement', about: 'themeAbout_hebergement' },
  'insertion': { name: 'theme_insertion', about: 'themeAbout_insertion' },
  'mineurs': { name: 'theme_mineurs', about: 'themeAbout_mineurs' },
  'protection-procedure': { name: 'theme_protection_procedure', about: 'themeAbout_protection_procedure' },
  'poursuites': { name: 'theme_poursuites', about: 'themeAbout_poursuites' },
  'travail': { name: 'theme_travail', about: 'themeAbout_travail' },
  'financement': { name: 'theme_financement', about: 'themeAbout_financement' },
  'coordination': { name: 'theme_coordination', about: 'themeAbout_coordination' },
  'territoires': { name: 'theme_territoires', about: 'themeAbout_territoires' },
  'international': { name: 'theme_international', about: 'themeAbout_international' },
  'evaluation': { name: 'theme_evaluation', about: 'themeAbout_evaluation' },
  'societe-civile': { name: 'theme_societe_civile', about: 'themeAbout_societe_civile' },
  'toutes-formes': { name: 'theme_toutes_formes', about: 'themeAbout_toutes_formes' },
  'numerique': { name: 'theme_numerique', about: 'themeAbout_numerique' },
};

/**
 * A theme's name as the interface shows it: « Hébergement et logement » / « Shelter and housing ». A theme the
 * taxonomy does not list (none can be imported today) keeps the library's label, or its id.
 */
export function themeLabel(theme: { label: string } | undefined, id: string): string {
  const keys = THEMES[id];
  return keys ? t(keys.name) : (theme?.label ?? id);
}

/** What a theme covers (a chip's tooltip): « mise à l'abri, CHRS, Ac.Sé… » / « emergency shelter, CHRS, Ac.Sé… ». */
export function themeAbout(theme: { about?: string } | undefined, id: string): string | undefined {
  const keys = THEMES[id];
  return keys ? t(keys.about) : theme?.about;
}
