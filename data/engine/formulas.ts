/**
 * The formulas of French correspondence, read as form.
 *
 * A letter to a cabinet opens with « Madame la Déléguée interministérielle, », closes with « Je vous prie de croire,
 * Monsieur le Préfet, en l'expression de ma considération distinguée. », thanks for « cet échange très constructif »
 * and stays « à votre entière disposition pour tout échange complémentaire ». None of it says anything about a
 * subject, yet its words are the library's: « interministérielle » (the MIPROF), « distinguée » (the stem of
 * « distinguer »), « échange » (« notre échange constructif de ce 15 décembre », a passage of the Collectif). Read
 * as evidence, such a line went on topic (0.86 to 0.92) and brought passages it has nothing to do with.
 *
 * Each pattern below is a formula of ordinary French letters and mail, as the usage guides give them, written
 * from that usage and not from the library nor from any evaluation line. The words a formula covers are dropped
 * from the paragraph's reading, as an organisation's name is read as a name (organisations.ts): a line that is
 * only form reads as nothing and the panel stays quiet; the rest of a paragraph that holds one is read as if the
 * formula were not there. Only the form is covered: « Je vous transmets les remarques du Collectif sur la mesure
 * 5 » loses « Je vous transmets », not its subject.
 *
 * Patterns match folded text (lower case, no accents, straight apostrophes, white space collapsed: `fold`), as
 * whole words. `example` is a formula as usually written, which its pattern must cover whole (formulas.test.ts).
 */
import { foldTracked } from './normalise';

export interface FormulaEntry {
  /** A formula as usually written; its pattern covers it whole. */
  example: string;
  /** A regular expression over folded text, matched as whole words. */
  pattern: string;
}

/** Those one writes to: the words a salutation names someone by. */
const WHOM = "(?:madame|monsieur|mesdames|messieurs|mademoiselle|cher|chere|chers|cheres|bonjour|bonsoir|salut|hello|coucou)";
/** What one thanks for, or refers back to: the exchange itself, never a subject. */
const EXCHANGE =
  "(?:echanges?|accueil|retours?|reponses?|messages?|mails?|courriels?|invitations?|rencontres?|entretiens?|reunions?|rendez-vous|" +
  'participation|presence|disponibilite|temps|aide|lecture|relecture|attention|confiance|ecoute|comprehension|patience|diligence|' +
  'collaboration|cooperation|implication|contribution|travail|envoi|transmission|compte rendu|compte-rendu|conversation|appel|visite|seance|discussion)';
/** What one wishes the reader: good health, rest, holidays, a good year; « bonne », « prompt » before it. */
const WISH_HOW = "(?:tres|bien|bons?|bonnes?|excellente?s?|joyeux|joyeuses|prompt|meilleurs?|chaleureux|sinceres|vifs)";
const WISH_WHAT =
  "(?:retablissement|repos|vacances|fetes|fete|annee|anniversaire|retraite|noel|rentree|conges?|voeux|souhaits|felicitations|courage)(?: (?:bien )?meritee?s?)?";
/** More wishes after the first: « … et un repos mérité », « … et de bonnes fêtes ». */
const WISH_MORE = `(?: et (?:(?:un|une|de|d'|des|nos|mes) ?)?(?:${WISH_HOW} )*${WISH_WHAT})*`;
const QUALITY =
  '(?:tres|si|bien|particulierement|vraiment|excellente?s?|bons?|bonnes?|riches?|chaleureu(?:x|ses?)|aimables?|precieu(?:x|ses?)|rapides?|' +
  "fructueu(?:x|ses?)|constructi(?:f|fs|ve|ves)|agreables?|cordiale?s?|dernier|derniere|recente?s?|brefs?|breves?|longs?|longues?|nombreu(?:x|ses)|utiles?)";
/** The meetings a letter comes back to (« lors de notre dernier échange »): not thanks, so no « accueil », « aide », « temps ». */
// « comité de pilotage » before « comité »: the first alternative that fits is taken.
const MEETING = '(?:echanges?|rencontres?|entretiens?|reunions?|rendez-vous|conversations?|appels?|visites?|seances?|discussions?|comites? de pilotage|comites?)';
/** What was said at one: « vous nous aviez indiqué », « nous vous l'avions signalé ». */
const SAID =
  '(?:indique|dit|assure|annonce|confirme|precise|signale|explique|ecrit|promis|fait savoir|evoque|souligne|rappele|mentionne|exprime|fait part)';
/**
 * What was said, recalled: after « comme » (« comme nous vous l'avions signalé »), or without it only as the frame of
 * what follows (« vous nous aviez indiqué que »): « vous nous avez signalé deux cas » is read.
 */
function recalled(who: string, have: string): string {
  const said = `${have}(?: (?:bien|deja))? ${SAID}`;
  return `(?:comme|ainsi que) ${who}(?:l')?${said}(?: (?:que|qu'))?|${who}${said} (?:que|qu')`;
}
const DETERMINER = "(?:votre|vos|ton|ta|tes|notre|nos|cet|cette|ce|ces|la|le|les|l'|un|une)";
/** « pour votre accueil », « de cet échange très constructif », « pour vos retours rapides ». */
const THANKED_FOR = `(?: (?:pour|de|d') ?${DETERMINER} ?(?:${QUALITY} )*${EXCHANGE}(?: ${QUALITY})*)`;
const WEEKDAY = '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
const MONTH = '(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)';
/** « du 12 mars », « de jeudi dernier », « d'hier », « de ce matin ». */
const WHEN = `(?: (?:du|de|d') ?(?:${WEEKDAY} )?(?:\\d{1,2}(?:er)? ${MONTH}(?: \\d{4})?|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|${WEEKDAY}(?: dernier)?|hier(?: matin| soir| apres-midi)?|ce matin|cet apres-midi|la semaine derniere|ce jour))`;

/** A closing's « mes salutations », « nos sentiments les plus respectueux », « toutes mes amitiés ». */
const CLOSING_OWNER = '(?:mes|nos|toutes mes|toutes nos|tous mes|tous nos)';
const CLOSING_KIND = '(?:tres|plus|bien|sinceres|meilleures|respectueuses|cordiales|amicales|chaleureuses|distinguees)';
const CLOSING_HOW = '(?:les )?(?:plus )?(?:distinguee?s|respectueu(?:x|ses)|devoue?e?s|meilleur(?:e?s)?|cordiales?|amicales?|sinceres|chaleureuses?|fraternel(?:le)?s)';

export const FORMULAS: readonly FormulaEntry[] = [
  // Openings: the whole paragraph names whom one writes to, and nothing else: up to six words closed by a comma, or
  // three without (« Bonjour à tous »; « Bonjour délai de réflexion trop court » is read).
  {
    example: 'Madame la Déléguée interministérielle,',
    pattern: `^(?:${WHOM}(?:(?: [a-z'-]+){0,6} ?[,!]|(?: [a-z'-]+){0,3}) ?(?:et )?)+$`,
  },
  // Closings.
  {
    example: "Je vous prie d'agréer, Madame la Ministre, l'expression de ma haute considération.",
    pattern:
      "(?:(?:je|nous) vous (?:prie|prions) (?:de bien vouloir (?:agreer|croire|recevoir|accepter)|d'agreer|de croire|de recevoir|d'accepter)|veuillez (?:agreer|recevoir|croire|accepter)|recevez|agreez|croyez|acceptez)(?:,[^,.!?]{0,60},)? (?:(?:a|en) )?(?:l'expression|l'assurance|mes|nos|ma|notre)(?![a-z0-9])[^.!?]*",
  },
  {
    example: 'Avec mes salutations les plus cordiales',
    // « salutations » alone is a formula; « sentiments » and « amitiés » only with « mes », « nos » or a closing's adjective.
    pattern:
      `(?:(?:avec|recevez|acceptez) )?(?:${CLOSING_OWNER} )?(?:${CLOSING_KIND} ){0,3}salutations(?: ${CLOSING_HOW})*|` +
      `(?:(?:avec|recevez|acceptez) )?${CLOSING_OWNER} (?:${CLOSING_KIND} ){0,3}(?:sentiments|amities)(?: ${CLOSING_HOW})*|(?:sentiments|amities)(?: ${CLOSING_HOW})+`,
  },
  { example: 'Très cordialement,', pattern: '(?:(?:tres|bien) )?(?:cordialement|amicalement|respectueusement|fraternellement)' },
  { example: 'Bien à vous,', pattern: "bien (?:a (?:vous|toi|tous|toutes)|amicalement|cordialement)" },
  { example: 'À très bientôt !', pattern: `a (?:(?:tres|plus) )?(?:bientot|vite|plus tard|demain|tout a l'heure|${WEEKDAY}(?: prochain)?)` },
  {
    example: 'Bonne fin de journée à tous,',
    pattern: "(?:(?:tres|excellente|belle|bonne) )+(?:journee|soiree|fin de journee|semaine|fin de semaine|week-end|continuation|reception|lecture|annee|fetes?|vacances)(?: a (?:vous|toi|tous|toutes|toutes et a tous|tous et a toutes|chacun|chacune))?",
  },
  // Wishes to the reader (« Nous vous souhaitons un bon rétablissement »): « rétablissement », « repos » are words of
  // the reflection and recovery period, « nous souhaitons » how the Collectif writes; a get-well wish read 0.98.
  {
    example: 'Nous vous souhaitons un prompt rétablissement.',
    pattern:
      `(?:(?:je|nous) (?:vous|te|lui|leur) (?:souhaite|souhaitons|adresse|adressons|presente|presentons) (?:a (?:tous|toutes|toi|vous) )?(?:(?:un|une|de|d'|des|nos|mes|tous nos|tous mes) ?)?(?:${WISH_HOW} )*` +
      `|(?:(?:tous nos|tous mes|nos|mes|un|une) )?(?:${WISH_HOW} )+)${WISH_WHAT}${WISH_MORE}`,
  },
  {
    example: 'Dans l’attente de votre retour,',
    pattern: "dans l'attente (?:de|d') ?(?:votre|vos|ta|tes|la|une|vous) ?(?:(?:prochaine?|rapide|aimable|bienveillante?) )?(?:retour|reponse|nouvelles|lecture|avis|lire)(?: (?:favorable|rapide|prochain|prochaine))?",
  },
  {
    example: 'Je reste bien entendu à votre entière disposition pour tout complément d’information.',
    pattern:
      "(?:(?:je|nous) (?:reste|restons|demeure|demeurons)|restant|demeurant)(?: (?:bien entendu|naturellement|volontiers|evidemment|bien sur|toujours))? a (?:votre|vos|ta|la) (?:(?:entiere|complete|totale|pleine) )?disposition(?: (?:pour|si|en cas de) (?:tout|toute|tous|toutes|d'eventuel(?:le)?s|de plus amples|un|une|besoin|question|questions)(?: (?:[a-z'-]+ ){0,2}?(?:complements?|precisions?|informations?|questions?|echanges?|renseignements?|details?|besoin)(?: (?:complementaires?|supplementaires?|utiles?|d'information))?)?| le cas echeant)?",
  },
  {
    example: 'N’hésitez pas à me contacter pour toute question.',
    pattern: "n'hesite(?:z)? pas a (?:me|nous) (?:contacter|recontacter|solliciter|ecrire|appeler|faire signe|faire part de (?:vos|tes) (?:questions|remarques|observations))(?: (?:pour|si|en cas de) (?:toute|tout|vous avez des|tu as des) (?:questions?|besoin|precisions?|complements?))?",
  },
  { example: 'Envoyé de mon iPhone', pattern: 'envoye (?:de|depuis) mon (?:iphone|ipad|telephone|smartphone|mobile|android|portable)' },
  // A request for the reader's remarks or dates. Listed before the thanks: at one place the first listed wins, and
  // « merci » alone took « Merci de me faire part de vos retours » until the thirty-fourth session.
  {
    example: 'Merci de me faire part de vos retours éventuels',
    pattern:
      "(?:merci (?:de|d') ?(?:bien vouloir )?|(?:pourriez|pouvez|pourrais|peux)-(?:vous|tu) |(?:auriez|aurais)-(?:vous|tu) l'amabilite de )(?:me|nous) (?:faire part de|transmettre|envoyer|communiquer|faire parvenir|retourner|indiquer|confirmer|donner) (?:vos|votre|ton|ta|tes) (?:retours?|remarques|observations|disponibilites|commentaires|avis|reponses?|suggestions)(?: eventuel(?:le)?s?)?",
  },
  // Thanks, for the exchange itself.
  {
    example: 'Je vous remercie vivement pour votre accueil.',
    pattern: `(?:(?:je|nous) (?:vous|te|tiens a vous|tenons a vous) (?:remercie|remercions)|(?:je|nous) (?:tiens|tenons) a (?:vous|te) remercier)(?: (?:vivement|sincerement|beaucoup|chaleureusement|par avance|d'avance|infiniment|encore|tres))*${THANKED_FOR}?`,
  },
  {
    example: 'Merci encore pour cet échange très constructif.',
    pattern: `(?<!(?:la|sa|leur|ta|ma|notre|votre) )(?:un )?(?:grand )?merci(?! de (?:ceux|celles|celui|celle|leur|leurs|son|sa|ses|qui|l'|la|les|des|trafiquants|reseaux|passeurs|exploiteurs))(?: (?:encore|beaucoup|infiniment|bien|mille fois|a (?:tous|toutes|vous|toi|chacun|chacune)(?: et a (?:tous|toutes))?|par avance|d'avance))*${THANKED_FOR}?`,
  },
  // Framing: what is sent, and what one comes back to.
  {
    example: 'Vous trouverez ci-joint',
    pattern:
      "(?:vous trouverez|veuillez trouver|(?:je|nous) (?:vous|te) (?:adresse|adressons|transmets|transmettons|envoie|envoyons|fais parvenir|faisons parvenir|fais suivre|faisons suivre|joins|joignons)|je joins|nous joignons)(?: (?:ci-jointe?s?|ci-dessous|ci-apres|en piece jointe|en pj|dans ce (?:mail|message|courriel)))?",
  },
  {
    example: 'Suite à notre rencontre du 12 mars,',
    pattern: `(?:suite a|pour faire suite a|comme suite a|a la suite de|comme convenu (?:lors de|pendant|a l'issue de)|comme evoque (?:lors de|pendant)) ?${DETERMINER} ?(?:${QUALITY} )*${EXCHANGE}(?: (?:telephonique|de travail))?${WHEN}?`,
  },
  // What a letter recalls or announces before its subject: the meeting it comes back to (« Lors de notre dernier
  // échange, »), what was said there (« vous nous aviez indiqué que », « comme nous vous l'avions signalé »), what
  // the writer means to do (« nous souhaitons rappeler que », « par la présente »). The subject follows; only the
  // frame is covered, so « nous souhaitons rappeler que le délai de réflexion… » is read from « le délai ».
  {
    example: 'Lors de notre dernier échange,',
    pattern: `(?:lors|au cours|a l'occasion|a l'issue) (?:du |des |(?:de|d') ?(?:notre|nos|votre|vos|cet|cette|ce|la|le|l') ?)(?:${QUALITY} )*${MEETING}(?: ${QUALITY})*(?: (?:telephonique|de travail))?${WHEN}?`,
  },
  {
    example: 'Vous nous aviez indiqué que',
    pattern: recalled("vous (?:nous |m')", '(?:aviez|avez)'),
  },
  {
    example: 'Comme nous vous l’avions signalé,',
    pattern: recalled('(?:je|nous) (?:vous |te )?', '(?:avions|avons|avais|ai)'),
  },
  { example: 'Comme vous le savez,', pattern: "comme (?:vous le savez|tu le sais)(?: (?:sans doute|certainement|bien|deja))?|vous n'etes pas sans (?:savoir|ignorer)(?: que| qu')?" },
  { example: 'Par la présente,', pattern: "par (?:la presente|le present courrier|ce (?:courrier|courriel|message|mail)|cette lettre)" },
  {
    example: 'Nous souhaitons attirer votre attention sur le fait que',
    pattern:
      "(?:(?:je|nous) (?:souhaite|souhaitons|souhaiterais|souhaiterions|souhaitais|souhaitions|tiens a|tenons a|voudrais|voudrions)|je me permets|nous nous permettons) (?:de |d')?(?:vous |te )?" +
      "(?:rappeler|souligner|signaler|preciser|redire|reaffirmer|attirer (?:votre|ton) attention sur|alerter sur|informer)(?: (?:le fait )?(?:que|qu'))?",
  },
  {
    example: 'Nous vous rappelons que',
    pattern: "(?:je|nous) (?:vous|te) (?:rappelle|rappelons|signale|signalons|informe|informons|precise|precisons|confirme|confirmons) (?:que|qu')",
  },
  {
    example: 'Je me permets de revenir vers vous',
    pattern:
      "(?:je me permets|nous nous permettons) de(?: (?:vous|te))?(?: (?:revenir vers (?:vous|toi)|recontacter|relancer|contacter|ecrire|solliciter|faire suivre|transmettre))?|(?:je|nous) (?:reviens|revenons) vers (?:vous|toi)",
  },
  {
    example: 'Je vous mets en copie de cet échange',
    pattern: `(?:(?:je|nous) (?:vous |te )?(?:mets|mettons)|(?:vous |te )?mettre) en copie(?: (?:de|d') ?${DETERMINER} ?${EXCHANGE})?|(?:en copie|en cc)(?= |$)`,
  },
  { example: 'Pour information,', pattern: 'pour (?:information|info|rappel|memoire)(?= ?[,:.]|$)' },
];

/** The spans of `text` (start, end) that formulas cover, in order, none overlapping. */
export type FormulaReader = (text: string) => [number, number][];

/**
 * Patterns are grouped, in their order, into alternations of about this many characters. One alternation of the
 * whole list (12,000 characters) cost V8 50 to 100 ms to compile on its first read, paid by the first paragraph
 * after the extension's worker wakes, and about 30 µs a read; groups of a thousand characters, 25 ms and 7 µs.
 */
const GROUP_SIZE = 1000;

/**
 * Compiles the list once. It reads as one alternation would: the formula that starts first wins; two at the same
 * place, the first listed. Each group gives its own leftmost match; the earliest of them is taken (the first group on
 * a tie, the first of its formulas within it), and only the groups whose match it overlaps search again after it.
 */
export function compileFormulas(entries: readonly FormulaEntry[]): FormulaReader {
  if (!entries.length) return () => [];
  const groups: RegExp[] = [];
  let batch: string[] = [];
  let size = 0;
  const close = () => {
    groups.push(new RegExp(`(?<![a-z0-9])(?:${batch.join('|')})(?![a-z0-9])`, 'g'));
    batch = [];
    size = 0;
  };
  for (const { pattern } of entries) {
    if (batch.length && size + pattern.length > GROUP_SIZE) close();
    batch.push(pattern);
    size += pattern.length;
  }
  close();
  /** Group `j`'s leftmost match in `folded` at or after `at`. */
  const search = (j: number, folded: string, at: number) => {
    groups[j].lastIndex = at;
    return groups[j].exec(folded);
  };
  return (text) => {
    const { text: folded, from, to } = foldTracked(text, true);
    const spans: [number, number][] = [];
    const next = groups.map((_, j) => search(j, folded, 0));
    for (;;) {
      let first = -1;
      for (let j = 0; j < next.length; j++) if (next[j] && (first < 0 || next[j]!.index < next[first]!.index)) first = j;
      if (first < 0) return spans;
      const { index, 0: found } = next[first]!;
      if (found.length) spans.push([from[index]!, to[index + found.length - 1]!]);
      // As an alternation's global search does: on after the match, or one place on after an empty one.
      const after = index + Math.max(found.length, 1);
      for (let j = 0; j < next.length; j++) if (next[j] && next[j]!.index < after) next[j] = search(j, folded, after);
    }
  };
}
