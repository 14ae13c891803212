import { describe, expect, test } from 'vitest';
import data from '../../data/engine/thesaurus/concepts.json';
import taxonomy from '../../data/library/taxonomy.json';
import { Thesaurus, type RawConcept } from '../../data/engine/concepts';
import { analyzeWithSurface } from '../../data/engine/normalise';
import { createMatcher } from '../../data/engine/match';
import { buildIndex } from '../../data/engine/searchIndex';
import { shippedLibrary } from '../../data/tools/cli-lib';

const concepts = (data as { concepts: RawConcept[] }).concepts;
const thesaurus = new Thesaurus();
const found = (text: string) => new Set(thesaurus.detect(analyzeWithSurface(text)).map((h) => h.concept));

describe('concepts.json, as reviewers edit it', () => {
  test('every concept has a known strength, terms that analyse to words, and keys of the taxonomy', () => {
    const measures = new Set(taxonomy.measures.map((m: { key: string }) => m.key));
    const themes = new Set(taxonomy.themes.map((t: { id: string }) => t.id));
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const c of concepts) {
      if (ids.has(c.id)) problems.push(`${c.id}: id used twice`);
      ids.add(c.id);
      if (!['anchor', 'domain', 'weak'].includes(c.strength)) problems.push(`${c.id}: strength « ${c.strength} »`);
      if (!c.terms.some((t) => !t.startsWith('!'))) problems.push(`${c.id}: no term`);
      for (const t of c.terms) if (!analyzeWithSurface(t.replace(/^[~=!]+/, '')).length) problems.push(`${c.id}: « ${t} » is only stop words`);
      for (const m of c.measures ?? []) if (!measures.has(m)) problems.push(`${c.id}: measure ${m} is not in taxonomy.json`);
      for (const th of c.themes ?? []) if (!themes.has(th)) problems.push(`${c.id}: theme ${th} is not in taxonomy.json`);
    }
    expect(problems).toEqual([]);
  });

  test('an exception (« ! ») holds one of its own concept\'s terms, or it would exclude nothing', () => {
    const problems: string[] = [];
    for (const c of concepts)
      for (const t of c.terms.filter((x) => x.startsWith('!'))) {
        const own = new Thesaurus([{ ...c, terms: c.terms.filter((x) => !x.startsWith('!')) }]);
        if (!own.detect(analyzeWithSurface(t.slice(1))).length) problems.push(`${c.id}: « ${t} »`);
      }
    expect(problems).toEqual([]);
  });
});

describe('fixed expressions of another meaning', () => {
  test('« droits de l\'homme » is not about male victims; « hommes victimes » still is', () => {
    expect(found("la Cour européenne des droits de l'homme")).not.toContain('hommes-garcons');
    expect(found("la Commission nationale consultative des droits de l'Homme")).not.toContain('hommes-garcons');
    expect(found('les hommes victimes de traite restent invisibles')).toContain('hommes-garcons');
    // In one sentence, the exception covers its own words only.
    expect(found("au nom des droits de l'homme, les hommes et garçons exploités doivent être protégés")).toContain('hommes-garcons');
  });

  test('the foreign ministry’s diplomatic posts are not diplomatic immunity; the Quai d’Orsay is the ministry', () => {
    expect(found('nos postes diplomatiques pourraient prévenir les jeunes femmes')).not.toContain('immunite');
    expect(found('nos postes diplomatiques pourraient prévenir les jeunes femmes')).toContain('affaires-etrangeres');
    expect(found('le Quai d’Orsay finance des programmes')).toContain('affaires-etrangeres');
    expect(found('le ministère des Affaires étrangères finance des programmes')).toContain('affaires-etrangeres');
    expect(found('la levée de l’immunité des personnels diplomatiques')).toContain('immunite');
  });

  test('« toutes les formes d’exploitation » is not about training; « former les professionnels » still is', () => {
    expect(found('toutes les formes d’exploitation, pas seulement la forme sexuelle')).not.toContain('formation-professionnels');
    expect(found('former les policiers et les magistrats')).toContain('formation-professionnels');
    expect(found('des inspecteurs formées au repérage')).toContain('formation-professionnels');
    expect(found('des policiers formés au repérage')).toContain('formation-professionnels');
    expect(found('une formation commune des professionnels')).toContain('formation-professionnels');
  });

  test('everyday words that share a stem or a spelling with a term do not carry its concept', () => {
    const strong = (text: string) => new Set(thesaurus.detect(analyzeWithSurface(text)).filter((h) => !h.generic).map((h) => h.concept));
    // Snowball: « chanter » and « chantier » were both `chant`, « blanche » and « blanchiment » `blanch`.
    expect(found('la chorale va chanter samedi')).not.toContain('secteurs-risque');
    expect(found('des ouvriers sans contrat sur les chantiers')).toContain('secteurs-risque');
    expect(found('après une nuit blanche')).not.toContain('tracfin');
    expect(found('le blanchiment d’argent des réseaux')).toContain('tracfin');
    // « CHRS » is compared as written: a « CHR » is a regional hospital.
    expect(found('le CHR de Lille recrute des internes')).not.toContain('chrs');
    expect(found('les CHRS manquent de places')).toContain('chrs');
    // « contactables » is compared as written: « n’hésitez pas à me contacter » is office mail.
    expect(found('n’hésitez pas à me contacter')).not.toContain('referents');
    expect(strong('nous sommes joignables toute la semaine au 01 23 45 67 89')).not.toContain('referents');
    expect(found('des référents traite contactables par les associations')).toContain('referents');
    // A passport confiscated by an exploiter is not the confiscation of criminal assets.
    expect(found('on leur a confisqué leur passeport')).not.toContain('indemnisation');
    expect(found('l’argent confisqué aux trafiquants doit indemniser les victimes')).toContain('indemnisation');
    // Words with an everyday sense only support their concept: a data entry, a supervising ministry, a high number.
    expect(strong('la saisie des données prendra une semaine')).not.toContain('indemnisation');
    expect(strong('le ministère de tutelle a répondu')).not.toContain('administrateur-ad-hoc');
    expect(strong('un nombre élevé de demandes')).not.toContain('scolarite');
    expect(strong('rétablir la connexion au serveur')).not.toContain('delai-reflexion');
    expect(strong('le délai de rétablissement accordé aux victimes')).toContain('delai-reflexion');
  });

  test('an exception silences its own concept only, not another concept on the same words', () => {
    const t = new Thesaurus([
      { id: 'a', strength: 'domain', terms: ['~hommes', "!droits de l'homme"] },
      { id: 'b', strength: 'domain', terms: ['droits'] },
    ]);
    const hits = t.detect(analyzeWithSurface("les droits de l'homme"));
    expect(hits.map((h) => h.concept)).toEqual(['b']);
  });

  test('the engine no longer reads the CNCDH\'s full name as a paragraph about men', () => {
    const m = createMatcher(buildIndex(shippedLibrary()));
    const concepts = m.explain("La Commission nationale consultative des droits de l'homme rappelle que les victimes doivent être protégées.").concepts;
    expect(concepts).not.toContain('hommes-garcons');
    expect(concepts).toContain('rapporteur-national');
  });
});

describe('a word that shares its stem with a word of another meaning is matched as written', () => {
  // Snowball gives « applications » (apps) and « appliquer » (apply the law) the same stem, likewise
  // « Meta » and « met », « directive » and « directement », « placements » and « places ».
  test.each([
    ["son application reste inégale sur le territoire et le droit doit s'appliquer", 'numerique'],
    ['le ministère met en place un comité', 'numerique'],
    ['le préfet a répondu directement aux associations', 'cooperation-internationale'],
    ["les places d'hébergement manquent", 'ase'],
    ['le plan indique que les crédits seront versés', 'evaluation'],
    ['la fiche réflexe a été diffusée aux enquêteurs', 'donnees'],
    ['les victimes peuvent saisir le juge', 'indemnisation'],
    ['cela correspond à la réalité du terrain', 'referents'],
    ['tout dépend des moyens accordés', 'soumission-chimique'],
    ["l'Éducation nationale doit former les enseignants", 'pjj'],
  ])('« %s » does not carry %s', (text, concept) => {
    expect(found(text)).not.toContain(concept);
  });

  test.each([
    ['les réseaux recrutent sur des applications de rencontre', 'numerique'],
    ['la directive 2011/36 impose des obligations aux États', 'cooperation-internationale'],
    ['les placements en foyer se multiplient', 'ase'],
    ['des indicateurs de suivi du plan', 'evaluation'],
    ['un fichier commun aux services', 'donnees'],
    ['les saisies d’avoirs criminels', 'indemnisation'],
    ['les éducateurs de la PJJ', 'pjj'],
  ])('« %s » still carries %s', (text, concept) => {
    expect(found(text)).toContain(concept);
  });
});
