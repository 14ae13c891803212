/**
 * The generic parser for an imported meeting report: the source parsers of `extract/sources/`
 * know one document each; this one reads any report written the way the Collectif writes them,
 * and hands its blocks to the shared stages (segmentation, measures, themes).
 *
 * Who speaks, in order of precedence, per paragraph:
 * - a turn opened by « Réponse de M. X (cabinet …) : », « Les membres du Collectif : », or a
 *   name or body alone in bold (« **Mme X (Association)** », « **OICEM** »), lasting until
 *   the next turn or heading;
 * - a paragraph opening on a person, « Mme X (Association) souligne… » (their body from the
 *   parentheses, or from the participants list), and the paragraphs after it that go on with
 *   « Il » / « Elle »;
 * - « Le Collectif estime… » is the Collectif's;
 * - otherwise the source's default speaker (the Collectif, or the institution the user named).
 * Inside a paragraph, a sentence opening on another speaker starts their words, and one naming its speaker at its end
 * (« …, ainsi que l'a remarqué Mme X. ») is theirs alone. A body that is neither the Collectif, the government nor the
 * CNCDH (the GRETA, the Défenseur des droits) is read as context (`isExternalBody`; `propose.ts` leaves it unticked).
 *
 * A draft measure's heading (« Mesure 6 : … ») is one however long or wrapped; its title is proposed as the Collectif's
 * only when the report says the Collectif rewrote it.
 *
 * Not positions: headings and title lines, the participants list, the agenda, contact lines,
 * next-meeting notices, signatures and « document de travail » footers.
 */
import type { AuthorId } from '../schema';
import { ITEM_MARK, isFurniture, stripItemMark, stripMarks, typicalWidth } from '../extract/text';
import { mentionedMeasures } from '../extract/measures';
import { compileFormulas, FORMULAS, type FormulaReader } from '../../engine/formulas';
import type { Block, Line, SourceMeta, SourceParser } from '../extract/types';
import taxonomy from '../taxonomy.json';

const measureKeys = new Set(taxonomy.measures.map((m) => m.key));

export interface ReportOptions {
  /** Who speaks when the report does not say: « Collectif » (default) or a body (« Ministère de la Justice »). */
  defaultSpeaker?: string;
  /** Plan a bare « mesure N » refers to (PAN1 unless the user says otherwise). */
  plan?: string;
}

/** Government bodies and people (never offered as the Collectif's words). */
const GOVERNMENT =
  /\b(?:minist|cabinet|garde des sceaux|pr[ée]fe|gouvernement|conseill[eè]re?\b|dacg|dgef|dgcs|dgt\b|miprof|direction|secr[ée]tari?at d.[ée]tat|ofpra|ofii|police|gendarmerie|ocriest|oclti|brigade|parquet|procureur|magistrat|tribunal|administration|d[ée]l[ée]gation interminist|dihal|[ée]lys[ée]e|matignon|premier ministre|d[ée]put|s[ée]nat)/i;

/**
 * Bodies that are neither the Collectif, nor the government, nor the CNCDH: independent authorities, courts, European
 * and international organisations. The taxonomy has no author for them; their words are never the Collectif's. UNICEF
 * is not among them: UNICEF France is a member of the Collectif.
 */
const EXTERNAL =
  /d[ée]fenseu?re? des droits|conseil de l['’]europe|organisation internationale (?:du travail|pour les migrations)|bureau international du travail|commission europ[ée]enne|parlement europ[ée]en|union europ[ée]enne|nations unies|haut[- ]commissariat|cour europ[ée]enne|conseil d['’][ée]tat|cour de cassation|cour des comptes|conseil constitutionnel|contr[ôo]leu?re? g[ée]n[ée]ral des lieux|rapporteu(?:r|se)s? sp[ée]ciale?s?|comit[ée] des droits de l['’]enfant|eurojust|europol|frontex/i;
const EXTERNAL_ACRONYM = /\b(?:GRETA|OIT|BIT|ONU|UNODC|HCR|UNHCR|OSCE|OIM|CEDH|CGLPL|ONUDC)\b/u;

/** Whether a body is one of `EXTERNAL`'s. */
export function isExternalBody(organisation: string | undefined): boolean {
  return !!organisation && !/\bcncdh\b|\bcollectif\b/i.test(organisation) && (EXTERNAL.test(organisation) || EXTERNAL_ACRONYM.test(organisation));
}

/**
 * Which author a body or a person's affiliation stands for. An external body (`isExternalBody`) is read as context, on
 * the government's side, the only one of the taxonomy's authors that is neither ours nor the CNCDH's; the import does
 * not keep its words unless the user says so (`propose.ts`).
 */
export function authorOf(organisation: string | undefined, fallback: AuthorId = 'association'): AuthorId {
  if (!organisation) return fallback;
  if (/\bcncdh\b|commission nationale consultative/i.test(organisation)) return 'cncdh';
  if (/\bcollectif\b/i.test(organisation)) return 'collectif';
  if (GOVERNMENT.test(organisation) || isExternalBody(organisation)) return 'gouvernement';
  return 'association';
}

/** A person as reports name them: « M. Albert », « Mme O'Dy », « Mme de Ruyg », « Madame Claire Besson ». */
const PERSON_SRC = String.raw`(M\.?|Mme|Mmes|MM\.|Madame|Monsieur|Me|Ma[iî]tre|Dr)\s+((?:(?:de|du|d'|d’|le|la)\s*)?[A-ZÉÈÀÂÎÔ][\p{L}'’-]*(?:\s+(?:de\s+|du\s+)?[A-ZÉÈÀÂÎÔ][\p{L}'’-]*){0,2})`;
const PERSON = new RegExp(PERSON_SRC, 'u');
/**
 * A few words and a comma before the speaker: « Au cours de l'échange, », « A cet égard, », « Enfin, »; or a clause
 * opening on a present participle, however long: « Rappelant que la scolarité obligatoire concerne les enfants jusqu'à
 * 16 ans, ».
 */
const OPENER = String.raw`(?:[A-ZÀÂÉÈ][^,.;:!?«»()]{1,38}|[A-ZÀÂÉÈ]\p{Ll}+ant\s[^.;:!?«»()]{1,160}?)`;
/** The verbs a report gives its speakers, as stems. */
const SPEECH = String.raw`(?:soulign|conv[ie]n|remarqu|rappel|indiqu|insist|estim|demand|pr[ée]cis|expliqu|ajout|not|regrett|d[ée]plor|propos|consid|affirm|reconn|r[ée]pond|observ|signal|confirm|annonc|explicit|conclu|s'interroge|s’interroge|craint|alert|d[ée]clar|[ée]voqu|partag|plaid|r[ée]clam|prend|interv|recommand|assur|r[ée]it[èe]r|s'engag|s’engag|promet|souhait|salu|relev|soulev|mentionn|fait\s+(?:remarquer|savoir|valoir|observer|part)|attir|tien[st]?\s+à|met(?:tent)?\s+(?:l['’]accent|en\s+(?:garde|avant|exergue))|juge(?:nt)?\b|pens(?:e|ent)\b|t[ée]moign|d[ée]nonc|invit|s['’]inqui[èé]t|se\s+(?:f[ée]licit|r[ée]jou)|sugg[èé]r|constat|interpell|s['’][ée]tonn)`;
const ADVERBS = String.raw`(?:a\s+|ont\s+)?(?:également\s+|aussi\s+|enfin\s+|ensuite\s+|toutefois\s+|cependant\s+|par ailleurs\s+)*`;
/** Others speaking with the person: « Mme X et les associations présentes ont convenu… » (a joint statement, hers too). */
const JOINT = String.raw`(?:\s+et\s+(?:les|des|plusieurs)\s+(?:associations|membres|participants)[^,.;:]{0,30}?)?`;
/** « Mme X (Association) souligne… », « M. X, du Mouvement du Nid, rappelle… » at a paragraph's start. */
const SPEAKS = new RegExp(String.raw`^(?:${OPENER},\s*)?${PERSON_SRC}\s*(?:\(([^)]{2,80})\)|,\s*([^,]{2,80}),)?${JOINT}\s+${ADVERBS}${SPEECH}`, 'u');
/** A sentence whose speaker is named at its end: « …, ainsi que l'a remarqué Mme X. », « …, comme l'a souligné M. Y. » */
const SAID_AFTER = new RegExp(String.raw`,\s*(?:ainsi que|comme|tel que)\s+l['’](?:a|avait)\s+${SPEECH}\p{L}*\s+${PERSON_SRC}\s*[.!?…]?\s*$`, 'u');
/** « Selon Mme X, … », « Parmi les points soulevés par Madame X, … »: the person's words, reported. */
const REPORTED_PERSON = new RegExp(String.raw`^(?:${OPENER},\s*)?(?:[Ss]elon|[Dd]['’]apr[èe]s|[Pp]our|[Pp]armi les points soulev[ée]s par|[Cc]omme l['’]a (?:rappel[ée]|soulign[ée]|indiqu[ée]))\s+${PERSON_SRC}\s*,`, 'u');
/**
 * A body or an office speaking, no one named: « Le cabinet indique que… », « La ministre rappelle… », « Les services de
 * la DGEF précisent… », « Selon la DACG, … », « D'après le cabinet, … ». Read for the government and the CNCDH only: a
 * member association speaking as a body is the default speaker's turn, as before.
 */
const BODY_SPEAKS = new RegExp(String.raw`^(?:(?:le|la|les)\s+|l['’]\s*)([^,;:.«»()]{2,70}?)\s+${ADVERBS}${SPEECH}`, 'iu');
const ACCORDING_TO = /^(?:selon|d['’]apr[èe]s|pour)\s+(?:(?:le|la|les)\s+|l['’]\s*)?([^,;:]{2,60}?)\s*,/iu;
/** A speaker's label before their words: « DACG : … », « Mme Durand (Secours Catholique) : … », « Réponse du cabinet : … ». */
const LABEL = /^([^:]{2,80}?)\s*:\s*/u;
/** A verb of speech inside words before a colon: a sentence, not a label. */
const SPEECH_INSIDE = new RegExp(String.raw`\s${SPEECH}`, 'iu');
const TURN_REPLY = /^R[ée]ponses?\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’])(.+?)\s*:?\s*$/iu;
const TURN_COLLECTIF = /^(?:Les membres du|Le|Pour le) Collectif\s*(?:«[^»]*»)?\s*:\s*$/iu;
const SAYS_COLLECTIF = /^(?:Le|Les membres du) [Cc]ollectif\b/u;
const CONTINUES = /^(?:Il|Elle|Ils|Elles)\s/u;

/** Sections that are not anyone's position. */
const SKIPPED_SECTION =
  /^(?:\d+[.)-]?\s*|[IVX]+\s*[.–-]\s*)?(?:participants?|pr[ée]sents?|personnes pr[ée]sentes|excus[ée]s?|ordre du jour|calendrier|prochaines?\s+r[ée]unions?|prochains?\s+(?:rendez-vous|[ée]v[ée]nements)|contacts?|annexes?|sommaire|table des mati[eè]res|liste de diffusion|diffusion)\b/iu;

/** The participants given on one line: « Présents : pour le Collectif, Mme X (Association) ; pour le cabinet, M. Y, conseiller. » */
const INLINE_ROSTER = /^(?:participants?|pr[ée]sents?|personnes pr[ée]sentes|excus[ée]s?)\s*:\s*/iu;

/** A heading with a colon: « 1. Mesure 12 : poursuites », « Mesure 5 : le délai de réflexion », « II – Indemnisation : la CIVI ». */
const COLON_HEADING = /^(?:(?:(?:\d{1,2}|[IVX]{1,5}|[A-H])\s*[.)–-]\s*)[^:]{2,40}|(?:mesures?|point|axe|th[èe]me|priorit[ée]|partie|sujet)\b[^:]{0,24}):/iu;

/** A letter's place and date line: « Paris, le 12 mars 2026 », « Le 3 février 2014 ». */
const DATE_LINE =
  /^(?:[\p{Lu}][\p{L}' -]{1,40},\s*)?le\s+\d{1,2}(?:er)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\s+\d{4}\.?$/iu;

let formulas: FormulaReader | undefined;
/**
 * A paragraph that is only the formulas of a letter (« Madame la Ministre, », « Nous vous prions d'agréer… », « Bien
 * à vous, »), read by the engine's own list (`data/engine/formulas.ts`): nine tenths of its letters or more.
 */
function onlyForm(text: string): boolean {
  formulas ??= compileFormulas(FORMULAS);
  const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
  const covered = formulas(text).reduce((n, [a, b]) => n + letters(text.slice(a, b + 1)), 0);
  return covered >= 0.9 * letters(text);
}

/** The header lines of a report forwarded by e-mail (« De : », « Envoyé : », « Objet : »…). */
const MAIL_HEADER = /^(?:de|from|envoy[ée]|sent|date|[àa]|to|cc|cci|bcc|objet|subject|pi[èe]ces? jointes?)\s*:/iu;

/** A numbered heading on a line of its own in hard-wrapped text: « 2. Mineurs », « III – Financement ». */
const NUMBERED_HEADING = /^(?:\d{1,2}|[IVX]{1,5})\s*[.)–-]\s+\p{Lu}[^.!?;:]{0,60}$/u;
/** « Mesure 4 bis : … », « Mesure 21 : … »: the label of a draft measure's heading. */
const MEASURE_HEADING = /^mesure\s+\d{1,2}\s*(?:bis|ter)?\s*:\s*(?=\S)/iu;
/** A plan's measure title opens on an infinitive (« Assurer », « Construire », « Faciliter »). */
const PLAN_TITLE = /^(?!(?:Notre|Votre|Autre|Entre|Contre|Outre|Premier|Dernier)\b)\p{Lu}\p{Ll}+(?:er|ir|re)\b/u;
/** « (titre modifié par le Collectif) », « Le titre a fait l'objet d'une reformulation par le Collectif. » */
const TITLE_BY_COLLECTIF = /\btitre\b[^.]{0,60}?\b(?:modifi|chang|reformul|r[ée][ée]crit)[^.]{0,40}?\bcollectif\b/iu;

/** A line opening someone's turn by its title: « Intervention de Mme Leroy (MIPROF) », « Intervention du cabinet ». */
const TURN_INTERVENTION = /^(?:Interventions?|Propos|Prise de parole|Parole)\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’])(.+?)\s*:?\s*$/iu;

/** Paragraphs that are the report's furniture, not wording anyone would quote. */
const NOT_POSITIONS: RegExp[] = [
  // contact lines: a phone number, an e-mail address, « Contact : »
  /\b0\d(?:[ .]?\d{2}){4}\b|\+33\s?\d/,
  /\S+@\S+\.[a-z]{2,}/i,
  /^contacts?\s*:/i,
  // next meeting notices
  /\bprochaine\s+r[ée]union\b|\bprochain\s+rendez-vous\b|\bse\s+r[ée]unira\b|\bse\s+retrouvera\b/i,
  // signatures and closings
  /^(?:pour le collectif|pour l['’]association|pour le secr[ée]tariat|sign[ée]|fait à|bien cordialement|cordialement|avec nos salutations|bien à vous|bien amicalement|amitiés|à bientôt|bonne (?:journée|soirée|fin de journée|semaine)|belle journée)\b/i,
  // the covering words of a report sent by e-mail: a greeting, « Voici le compte-rendu… », « Vous trouverez ci-joint… »
  /^(?:bonjour|bonsoir|cher|chère|chers|chères)\b[^.!?]{0,60}[,!]?$/i,
  /^(?:voici|ci-joint|ci-dessous|vous trouverez|je vous (?:transmets|adresse|envoie|fais suivre)|nous vous (?:transmettons|adressons|envoyons))\b/i,
  // « document de travail » footers and drafting notes
  /\bdocument de travail\b|\bcompte-rendu (?:r[ée]dig[ée]|r[ée]alis[ée]|valid[ée]) par\b|\bne pas diffuser\b/i,
  // the Collectif's running footer
  /^Collectif « Ensemble contre la traite des êtres humains »\s*(?:[-–].*)?$/i,
];

export function isNotPosition(text: string): boolean {
  return NOT_POSITIONS.some((re) => re.test(text.trim()));
}

interface Voice {
  author: AuthorId;
  speaker?: string;
  organisation?: string;
}

interface Para {
  lines: Line[];
  item: boolean;
  /** The whole paragraph was bold (`**…**`): a name or a body alone opens a turn. */
  bold: boolean;
  heading?: number;
}

/** Builds the parser for one imported report. */
export function reportParser(file: string, meta: SourceMeta, options: ReportOptions = {}): SourceParser {
  const plan = options.plan ?? 'PAN1';
  return { file, meta, defaultPlan: plan, parse: (lines) => parseReport(lines, meta, options) };
}

export function parseReport(lines: Line[], meta: SourceMeta, options: ReportOptions = {}): Block[] {
  const plan = options.plan ?? 'PAN1';
  const fallbackName = options.defaultSpeaker?.trim() || 'Collectif';
  const defaultVoice: Voice =
    authorOf(fallbackName, 'collectif') === 'collectif'
      ? { author: 'collectif' }
      : { author: authorOf(fallbackName), organisation: fallbackName };
  const paragraphs = paragraphsOf(lines);
  const roster = rosterOf([...meta.participants, ...participantLines(paragraphs)]);
  // People the report introduces as it goes (« Madame Hélène Cazaux-Charles, Conseillère pour la justice du Premier
  // ministre, … »): the participants list, when there is one, has the last word.
  for (const [name, voice] of appositions(paragraphs)) if (!roster.has(name)) roster.set(name, voice);
  const blocks: Block[] = [];
  let section: string[] = [];
  let sectionMeasures: string[] = [];
  /** The measures each heading of `section` names, level by level. */
  let headingMeasures: string[][] = [];
  let skipping = false;
  let turn: Voice = defaultVoice;
  let person: Voice | undefined;
  let first = true;

  for (const [at, para] of paragraphs.entries()) {
    const raw = para.lines.map((l) => l.text).join(' ');
    const text = stripMarks(raw).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const opening = first;
    first = false;
    const cue = turnCue(text, para.bold, roster, defaultVoice);
    if (cue) {
      turn = cue;
      person = undefined;
      // « ### Réponses de la DIHAL »: a heading that opens a turn is also where its passages are cited.
      if (para.heading !== undefined) enter(para.heading, text);
      continue;
    }
    // The report's first line, when it ends no sentence, is its title (« Compte-rendu de la réunion du … – 14 octobre
    // 2025 »), however long: not a position, and not a heading the passages would be cited under.
    if (opening && para.heading === undefined && !para.item && !/[.!?…]$/.test(text) && !SPEAKS.test(text)) continue;
    // « Présents : … » on one line is read for who is who (`participantLines`), never as a position; nor are the
    // header lines of a report forwarded by e-mail.
    if (INLINE_ROSTER.test(text) || MAIL_HEADER.test(text) || DATE_LINE.test(text)) continue;
    if (onlyForm(text)) {
      // « Madame la Ministre, »: the letter's body starts; the address block above it named no section.
      if (/,$/.test(text)) {
        section = [];
        headingMeasures = [];
        sectionMeasures = [];
      }
      continue;
    }
    // « Mesure 6 : Faciliter l'ouverture et l'accès aux droits sociaux… » over two lines: a measure of the draft plan,
    // however long its title. The title is the plan's wording, not a position, unless the report says the Collectif
    // rewrote it (« (titre modifié par le Collectif) », or « Le titre a fait l'objet d'une reformulation par le
    // Collectif. » just below): then it is also proposed, as the Collectif's, under that measure.
    const label = para.heading === undefined && !para.item ? MEASURE_HEADING.exec(text) : null;
    // Ending on a full stop, it is a heading only when it reads as the plan's title: one sentence opening on an
    // infinitive (« Mesure 5 : Assurer l'accès au séjour… autorités. »), not « Mesure 4 : Nous demandons son retrait. ».
    const titled = !!label && (!/[.!?…]$/.test(text) || (PLAN_TITLE.test(text.slice(label[0].length)) && !/[.!?…]\s/u.test(text)));
    if (label && titled) {
      enter(1, text);
      skipping = false;
      turn = defaultVoice;
      person = undefined;
      const below = paragraphs[at + 1] && stripMarks(paragraphs[at + 1]!.lines.map((l) => l.text).join(' ')).trim();
      if (TITLE_BY_COLLECTIF.test(text) || (!!below && below.length < 200 && TITLE_BY_COLLECTIF.test(below))) {
        const [head, ...rest] = para.lines.map((l) => ({ n: l.n, text: stripMarks(l.text).trim() }));
        const title = head!.text.slice(MEASURE_HEADING.exec(head!.text)?.[0].length ?? 0);
        pushRuns(title ? [{ n: head!.n, text: title }, ...rest] : rest, { author: 'collectif' }, false);
      }
      continue;
    }
    if (para.heading !== undefined || titleLike(text, para, paragraphs[at + 1])) {
      enter(para.heading ?? 1, text);
      skipping = SKIPPED_SECTION.test(text);
      // A heading that is only a name or a body in bold (« ### **OICEM** ») opens that speaker's turn.
      turn = (para.heading !== undefined && /^#+\s*\*\*[^*]+\*\*\s*:?\s*$/.test(raw.trim()) && turnCue(text, true, roster, defaultVoice)) || defaultVoice;
      person = undefined;
      continue;
    }
    if (skipping || isNotPosition(text)) continue;

    // « DACG : une formation sera proposée… »: the label says who speaks; the wording is what follows it.
    const labelled = labelOf(text, roster);
    let lines = para.lines.map((l) => ({ n: l.n, text: stripMarks(l.text) }));
    if (labelled) {
      const head = lines[0]!.text.trim();
      const at = head.indexOf(labelled.label);
      const cut = at < 0 ? undefined : LABEL.exec(head.slice(at));
      if (cut) {
        const rest = head.slice(at + cut[0].length).trim();
        lines = rest ? [{ n: lines[0]!.n, text: rest }, ...lines.slice(1)] : lines.slice(1);
        // A label opens that speaker's turn, alone on its line (« Mme Durand (Secours Catholique) : ») or not: the
        // paragraphs after it with no label of their own are theirs, until the next label, turn or heading.
        turn = labelled.voice;
        person = undefined;
        if (!lines.length) continue;
        pushRuns(lines, labelled.voice, para.item, { afterLabel: true });
        continue;
      }
    }

    let voice = turn;
    const speaks = SPEAKS.exec(text) ?? REPORTED_PERSON.exec(text);
    const body = speaks ? undefined : bodyOf(text);
    if (speaks) {
      person = speakerOf(speaks);
      voice = person;
      // A body's turn (« **Mouvement du Nid** ») is its first named speaker's for the paragraphs after.
      const org = speaks[3] ?? speaks[4];
      if (turn !== defaultVoice && !turn.speaker && !org && person.author === turn.author) turn = { ...turn, speaker: person.speaker };
    } else if (SAYS_COLLECTIF.test(text)) {
      voice = { author: 'collectif' };
      person = undefined;
    } else if (body) {
      voice = inTurn(body);
      // « Elle ajoute que… » goes on with the minister.
      person = voice;
    } else if (person && CONTINUES.test(text)) voice = person;
    else person = undefined;

    pushRuns(lines, voice, para.item);
  }
  return blocks;

  /**
   * A heading at `level`: the section path, and its measures, those of the deepest heading that names one (« ## Mesure
   * 7 » then « ### Demandes du Collectif »: measure 7).
   */
  function enter(level: number, text: string) {
    section = [...section.slice(0, Math.max(0, level - 1)), text].slice(-3);
    headingMeasures = [...headingMeasures.slice(0, Math.max(0, level - 1)), mentionedMeasures(text, plan, measureKeys)].slice(-3);
    sectionMeasures = [...headingMeasures].reverse().find((m) => m.length) ?? [];
  }

  /** « Mme X (Association) souligne… »: the person, their body from the parentheses, the participants or the turn. */
  function speakerOf(speaks: RegExpExecArray): Voice {
    return personOf(speaks[1]!, speaks[2]!, (speaks[3] ?? speaks[4])?.trim());
  }

  /** A person by title and name: their body as given, else from the participants, else from the turn. */
  function personOf(title: string, given: string, org?: string): Voice {
    const said = personName(title, given);
    const known = turn.speaker === said ? turn : roster.get(surname(said));
    const name = fullest(said, known);
    const organisation = org ?? known?.organisation ?? (turn.author !== defaultVoice.author || turn.organisation ? turn.organisation : undefined);
    const author = org ? authorOf(org) : known ? known.author : turn === defaultVoice ? 'association' : turn.author;
    return { author, speaker: name, ...(organisation ? { organisation } : {}) };
  }

  /** Within the government's own turn (« Ministère de la Justice » as the default speaker), its name as given stays. */
  function inTurn(body: Voice): Voice {
    return body.author === turn.author && turn.organisation ? turn : body;
  }

  /**
   * The paragraph's blocks: one, or one per change of speaker inside it (« Le Collectif demande… . Le cabinet répond
   * que… . Mme Colas (Secours Catholique) souligne… »), each sentence opening on another speaker starting a block.
   */
  function pushRuns(lines: Line[], voice: Voice, item: boolean, extra: Partial<Block> = {}) {
    const cueOf = (sentence: string): Voice | undefined => {
      const s = SPEAKS.exec(sentence) ?? REPORTED_PERSON.exec(sentence);
      if (s) return speakerOf(s);
      if (SAYS_COLLECTIF.test(sentence)) return { author: 'collectif' };
      const b = bodyOf(sentence);
      return b && inTurn(b);
    };
    // « …, ainsi que l'a remarqué Mme X. »: that sentence is hers; the next goes back to whoever spoke before it.
    const saidAfter = (sentence: string): Voice | undefined => {
      const m = SAID_AFTER.exec(sentence);
      return m ? personOf(m[1]!, m[2]!) : undefined;
    };
    const runs = voiceRuns(lines, voice, cueOf, saidAfter);
    runs.forEach((run, i) => blocks.push({ ...blockOf(section, run.voice, sectionMeasures, run.lines, item && i === 0), ...(i === 0 ? extra : {}) }));
    if (runs.length > 1) {
      const last = runs[runs.length - 1]!.voice;
      person = last.speaker || last.author !== 'collectif' ? last : undefined;
    }
  }
}

const sameVoice = (a: Voice, b: Voice) => a.author === b.author && a.speaker === b.speaker && a.organisation === b.organisation;

/**
 * A paragraph's lines cut where a sentence opens on another speaker than the one before it (`cueOf`), or names its
 * speaker at its end (`saidAfter`: that sentence only). A line cut in two gives each part its number: both blocks
 * point at the line.
 */
function voiceRuns(
  lines: Line[],
  first: Voice,
  cueOf: (rest: string) => Voice | undefined,
  saidAfter: (sentence: string) => Voice | undefined = () => undefined,
): { voice: Voice; lines: Line[] }[] {
  const joined = lines.map((l) => l.text).join('\n');
  // Where sentences start; « M. », « Mme », « art. », « cf. » end none.
  const starts = [0, ...[...joined.matchAll(/(?<!\b(?:M|MM|Dr|Me|St|art|cf|p|n°))[.!?…]["»”]?\s+(?=\S)/gu)].map((m) => m.index + m[0].length)];
  const cuts: { at: number; voice: Voice }[] = [];
  let running = first;
  let said = first;
  starts.forEach((at, i) => {
    if (i > 0) running = cueOf(joined.slice(at)) ?? running;
    const voice = saidAfter(joined.slice(at, starts[i + 1] ?? joined.length).trim()) ?? running;
    if (!sameVoice(voice, said)) cuts.push({ at, voice });
    said = voice;
  });
  if (!cuts.length) return [{ voice: first, lines }];
  const runs: { voice: Voice; lines: Line[] }[] = [{ voice: first, lines: [] }];
  let start = 0;
  let next = 0;
  for (const line of lines) {
    const end = start + line.text.length;
    let from = 0;
    while (next < cuts.length && cuts[next]!.at <= end) {
      const cut = cuts[next]!.at - start;
      const before = line.text.slice(from, cut).trimEnd();
      if (before.trim()) runs[runs.length - 1]!.lines.push({ n: line.n, text: before });
      runs.push({ voice: cuts[next]!.voice, lines: [] });
      from = cut;
      next++;
    }
    const rest = line.text.slice(from);
    if (rest.trim()) runs[runs.length - 1]!.lines.push({ n: line.n, text: rest });
    start = end + 1;
  }
  return runs.filter((r) => r.lines.length);
}

function blockOf(section: string[], voice: Voice, measures: string[], lines: Line[], item: boolean): Block {
  return {
    section,
    author: voice.author,
    ...(voice.speaker ? { speaker: voice.speaker } : {}),
    ...(voice.organisation ? { organisation: voice.organisation } : {}),
    measures,
    lines,
    ...(item ? { item: true } : {}),
  };
}

/** The government or the CNCDH speaking through an office, no one named (`BODY_SPEAKS`, `ACCORDING_TO`). */
function bodyOf(text: string): Voice | undefined {
  const subject = (BODY_SPEAKS.exec(text) ?? ACCORDING_TO.exec(text))?.[1]?.trim();
  if (!subject || subject.split(/\s+/).length > 8) return undefined;
  const author = authorOf(subject);
  return author === 'gouvernement' || author === 'cncdh' ? { author, organisation: subject } : undefined;
}

/**
 * A speaker's label at a paragraph's start, when it names someone: a person (« Mme Durand (Secours Catholique) : »),
 * an answer (« Réponse du cabinet : »), the Collectif, the government or the CNCDH (« DACG : »), or a body of the
 * participants. « Mesure 5 : … », « Constat : … » name no one: the paragraph is read as before.
 */
function labelOf(text: string, roster: Map<string, Voice>): { label: string; voice: Voice } | undefined {
  const m = LABEL.exec(text);
  if (!m) return undefined;
  const label = m[1]!.trim();
  if (label.split(/\s+/).length > 8 || /[.!?;]/.test(label.replace(/\b(?:M|MM|Me|Dr)\./g, ''))) return undefined;
  // A sentence before a colon is no label: « Le Collectif estime qu'une dépêche ne suffira pas : … », « M. Martin
  // précise : … » (read by `SPEAKS`), « Question au cabinet : … » (asked of it, not said by it).
  if (SPEECH_INSIDE.test(label) || /\s(?:à|au|aux)\s/iu.test(label)) return undefined;
  // « Réponse : » alone, in a report of questions put to the government: its answer.
  if (/^R[ée]ponses?$/iu.test(label)) return { label, voice: { author: 'gouvernement' } };
  const reply = /^R[ée]ponses?\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’])(.+)$/iu.exec(label);
  const who = reply?.[1] ?? label;
  if (/^(?:(?:le|pour le|les membres du|questions? du|demandes? du|position du)\s+)?collectif(?:\s*«[^»]*»)?$/iu.test(who)) return { label, voice: { author: 'collectif' } };
  if (!reply && !namesSomeone(who, roster)) return undefined;
  return { label, voice: voiceOf(who, roster, reply ? 'gouvernement' : 'association') };
}

/**
 * Whether words before a colon or after « Intervention de » name who speaks: a person, the government, the CNCDH, or
 * a body of the participants (« Mesure 5 », « Constat », « le plan » name no one).
 */
function namesSomeone(who: string, roster: Map<string, Voice>): boolean {
  const author = authorOf(who);
  if (PERSON.test(who) || author === 'gouvernement' || author === 'cncdh') return true;
  const body = who.toLowerCase();
  for (const v of roster.values()) if (v.organisation?.toLowerCase() === body) return true;
  return false;
}

/** A turn opened by a line of its own: « Réponse de … : », « Les membres du Collectif : », a bold name or body. */
function turnCue(text: string, bold: boolean, roster: Map<string, Voice>, defaultVoice: Voice): Voice | undefined {
  if (TURN_COLLECTIF.test(text)) return { author: 'collectif' };
  const reply = TURN_REPLY.exec(text);
  if (reply) return voiceOf(reply[1]!, roster, 'gouvernement');
  // « Intervention de Mme Leroy (MIPROF) »: a turn when it names someone (« Intervention sur le plan » names no one).
  const intervention = text.split(/\s+/).length <= 12 ? TURN_INTERVENTION.exec(text) : null;
  if (intervention) {
    const who = intervention[1]!;
    if (/^(?:le\s+)?collectif\b/iu.test(who)) return { author: 'collectif' };
    if (namesSomeone(who, roster)) return voiceOf(who, roster, 'association');
  }
  // A bold line that is only a name or a body, at most a dozen words, no sentence in it.
  if (bold && text.split(/\s+/).length <= 12 && !/[.!?]$/.test(text) && !TURN_REPLY.test(text)) {
    const v = voiceOf(text.replace(/\s*:\s*$/, ''), roster, defaultVoice.author === 'collectif' ? 'association' : defaultVoice.author);
    if (v.speaker || v.organisation) return v;
  }
  return undefined;
}

/** « M. Marchal (cabinet du garde des Sceaux) », « Mme Besson, DACG », « la DACG », « Hors la rue ». */
function voiceOf(text: string, roster: Map<string, Voice>, fallback: AuthorId): Voice {
  const m = PERSON.exec(text);
  const said = m ? personName(m[1]!, m[2]!) : undefined;
  const rest = (m ? text.slice(0, m.index) + text.slice(m.index + m[0].length) : text)
    .replace(/^[\s,:(–-]+|[\s,:)–-]+$/g, '')
    .replace(/^\(|\)$/g, '')
    .trim();
  const known = said ? roster.get(surname(said)) : undefined;
  const speaker = said && fullest(said, known);
  const organisation = rest || known?.organisation;
  const author = organisation ? authorOf(organisation, fallback) : (known?.author ?? fallback);
  return { author, ...(speaker ? { speaker } : {}), ...(organisation ? { organisation } : {}) };
}

function personName(title: string, name: string): string {
  const t = /^(?:Mme|Madame)$/.test(title) ? 'Mme' : /^(?:M\.?|Monsieur)$/.test(title) ? 'M.' : title;
  // A name cut at a line's end (« Cazaux-␤Charles ») is one name.
  return `${t} ${name.trim().replace(/-\s+/g, '-').replace(/\s+/g, ' ')}`;
}

/**
 * A person as the report's text names them in full where it introduces them (« Madame Hélène Cazaux-Charles,
 * Conseillère… », `appositions`), when it later gives only the surname (« Madame Cazaux-Charles a indiqué… »): one
 * speaker, one name, in every passage. The participants list says who people speak for, not how the text names them.
 */
function fullest(name: string, known: Voice | undefined): string {
  const full = known?.speaker;
  if (!full || surname(full) !== surname(name) || full.split(' ')[0] !== name.split(' ')[0]) return name;
  return full.split(' ').length > name.split(' ').length ? full : name;
}

function surname(speaker: string): string {
  const words = speaker.replace(/^\S+\s+/, '').split(/\s+/);
  return (words[words.length - 1] ?? '').toLowerCase();
}

/**
 * Who is who, from the participants: « Pour le ministère de la Justice : M. Julien Marchal,
 * conseiller… ; Mme Claire Besson (DACG) », « Amicale du Nid : Hélène de Ruyg ».
 */
function rosterOf(entries: string[]): Map<string, Voice> {
  const roster = new Map<string, Voice>();
  for (const entry of entries) {
    const text = stripMarks(entry).replace(/\s+/g, ' ').trim().replace(INLINE_ROSTER, '');
    // Each group names its body: « Pour le ministère : M. A, conseiller ; Mme B (DACG) » (the body goes on after « ; »
    // until another is named), « pour le cabinet, M. Martin, conseiller ».
    let body: string | undefined;
    for (const group of text.split(/\s*;\s*/u)) {
      const named =
        /^(?:Pour\s+(?:le |la |les |l['’])?)?([^:]{2,80}?)\s*:\s*(.+)$/u.exec(group) ??
        /^Pour\s+(?:le |la |les |l['’])?([^,]{2,80}?)\s*,\s*(.+)$/iu.exec(group);
      if (named) body = named[1];
      const people = named?.[2] ?? group;
      for (const part of people.split(/\s*,\s*(?=(?:M\.|Mme|Madame|Monsieur)\s)/u)) {
        const m = PERSON.exec(part);
        if (!m) continue;
        const paren = /\(([^)]+)\)/.exec(part)?.[1];
        const afterComma = part.slice(m.index + m[0].length).replace(/^[\s,]+/, '').replace(/[.;]$/, '').trim();
        const organisation = paren ?? body ?? (afterComma || undefined);
        if (!organisation) continue;
        roster.set(surname(personName(m[1]!, m[2]!)), { author: authorOf(organisation), organisation });
      }
    }
  }
  return roster;
}

/** What an apposition after a name opens with when it says who the person is: a function, or the body they are from. */
const ROLE = String.raw`(?:(?:[Cc]onseill|[Ss]ecr[ée]taire|[Dd]irect|[Cc]hef|[Cc]harg[ée]|[Rr]esponsable|[Pp]r[ée]sident|[Dd][ée]l[ée]gu[ée]|[Mm]inistre|[Rr]epr[ée]sentant|[Mm]agistrat|[Pp]rocureur|[Pp]r[ée]f[eè]t|[Cc]ommissaire|[Aa]djoint|[Ss]ous-direct|[Mm]embre|[Jj]uriste|[Cc]oordinat|[Rr]apporteu|[Aa]vocat|[Ii]nspect|[Oo]fficier|[Cc]apitaine|[Cc]ommandant|[Cc]olonel|[Gg][ée]n[ée]ral|[Dd]éput|[Ss]énat|[Bb]énévole|[Ss]alari|[Éé]ducat|[Jj]uge)\p{L}*|(?:de la|du|de l['’]|des)\s)`;

/** « Mme X, conseillère du Premier ministre, … », « M. Y (Amicale du Nid) »: the government's, the CNCDH's, a body's people. */
function appositions(paragraphs: Para[]): Map<string, Voice> {
  const out = new Map<string, Voice>();
  const text = paragraphs
    .map((p) => stripMarks(p.lines.map((l) => l.text).join(' ')).replace(/\s+/g, ' '))
    .join('\n');
  for (const m of text.matchAll(new RegExp(String.raw`${PERSON_SRC}\s*(?:\(([^)]{2,80})\)|,\s*(${ROLE}[^,.;\n]{0,70}))`, 'gu'))) {
    const organisation = (m[3] ?? m[4])!.trim();
    const author = authorOf(organisation, 'association');
    // A role that names no body (« M. X, présent à la réunion ») says nothing of who they speak for.
    if (author === 'association' && !m[3]) continue;
    const speaker = personName(m[1]!, m[2]!);
    const name = surname(speaker);
    const before = out.get(name);
    if (!before) out.set(name, { author, organisation, speaker });
    else before.speaker = fullest(speaker, before);
  }
  return out;
}

/** The paragraphs of the report's « Participants » section, read for the roster. */
function participantLines(paragraphs: Para[]): string[] {
  const out: string[] = [];
  let inside = false;
  for (const para of paragraphs) {
    const text = stripMarks(para.lines.map((l) => l.text).join(' ')).trim();
    if (para.heading !== undefined || titleLike(text, para)) {
      inside = /participants?|pr[ée]sents?/i.test(text) && text.length < 60;
      continue;
    }
    if (inside || INLINE_ROSTER.test(text)) out.push(text);
  }
  return out;
}

/**
 * Paragraphs: runs of lines between blank lines (Word, OpenDocument, Markdown, most e-mails);
 * a text with no blank line at all (a hard-wrapped PDF) is cut the way `paragraphs` reads PDFs.
 * A paragraph that starts in lower case continues the one before it (a page break).
 */
function paragraphsOf(lines: Line[]): Para[] {
  const kept = lines.filter((l) => !isFurniture(l.text) || !l.text.trim());
  const width = typicalWidth(kept);
  const runs: Line[][] = [];
  let cur: Line[] = [];
  const flush = () => {
    if (cur.length) runs.push(cur);
    cur = [];
  };
  kept.forEach((l, i) => {
    if (!l.text.trim()) return flush();
    const t0 = l.text.trim();
    const prevEnds = /[.!?:»]$/.test(cur[cur.length - 1]?.text.trim() ?? '');
    if (cur.length && (ITEM_MARK.test(l.text) || /^\s*#/.test(l.text) || (prevEnds && (opensTurn(t0) || NUMBERED_HEADING.test(t0))))) flush();
    cur.push(l);
    // A hard-wrapped text (PDF, e-mail): a short line ends its paragraph when it ends a
    // sentence, or when the next line starts anew (a heading, a speaker's cue).
    const t = l.text.trim();
    const next = kept[i + 1]?.text.trim() ?? '';
    if (t.length < width * 0.7 && (/[.!?:»)]$/.test(t) || /^[\p{Lu}\d«*#]/u.test(next))) flush();
    // « Mesure 21 : Un fonds dédié… » › « La mesure 21 est en cours d'arbitrage. »: a measure's heading ends where a
    // sentence opens below it, however long the heading's line.
    else if (cur.length === 1 && MEASURE_HEADING.test(t) && !unclosed(t) && /^\p{Lu}\p{Ll}*\s+\p{Ll}/u.test(next)) flush();
  });
  flush();
  const out: Para[] = [];
  for (const run of runs) {
    const first = run[0]!.text.trim();
    const heading = /^(#{1,6})\s/.exec(first)?.[1]?.length;
    const item = ITEM_MARK.test(first);
    const joined = run.map((l) => l.text.trim()).join(' ');
    const bold = /^\*\*[^*]+\*\*\s*:?$/.test(joined);
    const prev = out[out.length - 1];
    const prevLast = prev?.lines[prev.lines.length - 1]!.text.trim() ?? '';
    // A word cut at a line's end (« Madame Cazaux- » › a page break › « Charles a indiqué… ») never ends a paragraph.
    const cutWord = /\p{L}-$/u.test(prevLast) && /^\p{L}/u.test(first);
    // Nor does a parenthesis a page break left open (« …(titre modifié par le » › « Collectif) »).
    const closesParen = !!prev && /^[^()]{1,60}\)/u.test(first) && !/[.!?:»]$/.test(prevLast) && unclosed(prev.lines.map((l) => l.text).join(' '));
    if (prev && heading === undefined && prev.heading === undefined && !item && ((/^\p{Ll}/u.test(first) && !/[.!?:»]$/.test(prevLast)) || cutWord || closesParen)) {
      prev.lines.push(...run);
      continue;
    }
    out.push({
      lines: item ? [{ ...run[0]!, text: stripItemMark(run[0]!.text) }, ...run.slice(1)] : run,
      item,
      bold,
      ...(heading !== undefined ? { heading: Math.max(1, heading - 1) } : {}),
    });
  }
  return out;
}

/** Whether a text leaves a parenthesis open. */
function unclosed(text: string): boolean {
  return (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);
}

/** A line that opens someone's turn: a speaker's cue or « Mme X (Body) souligne… ». */
function opensTurn(line: string): boolean {
  const text = stripMarks(line);
  return SPEAKS.test(text) || /^R[ée]ponses?\s+(?:de|du|des|d['’])\s/iu.test(text) || /^(?:Les membres du|Le|Pour le) Collectif\s*:/iu.test(text);
}

/**
 * A title or heading line without a `#`: short, no sentence end, not a list item (« 1. Le principe de non-sanction »);
 * up to `LONG_TITLE` when body text follows it.
 */
function titleLike(text: string, para: Para, next?: Para): boolean {
  if (para.item || para.lines.length > 2) return false;
  if (/[.!?;,…]$/.test(text) || text.length > LONG_TITLE.chars) return false;
  if ((/:/.test(text) && !COLON_HEADING.test(text)) || PERSON.test(text)) return false;
  const words = text.split(/\s+/).length;
  if (words > LONG_TITLE.words) return false;
  if (words <= 16 && text.length <= 110) return true;
  // A longer one (« Renforcer la formation des professionnels pour une meilleure identification des victimes et une
  // collaboration entre tous ») is a heading only when body text follows it (a paragraph of more words, ending a
  // sentence), and never when it opens on « Le Collectif »: a line that long followed by a heading, a list or nothing is
  // more likely a statement set apart (« Construire un parcours d'insertion… (titre modifié par le Collectif) »).
  if (SAYS_COLLECTIF.test(text)) return false;
  const after = next && stripMarks(next.lines.map((l) => l.text).join(' ')).trim();
  return !!after && next!.heading === undefined && !next!.item && /[.!?…:»]$/.test(after) && after.split(/\s+/).length > LONG_TITLE.words;
}

/** The longest a heading may be when body text follows it. */
const LONG_TITLE = { words: 20, chars: 140 };
