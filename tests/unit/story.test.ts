/**
 * A measure's story (data/library/story.ts): every passage on it in date order with its source,
 * context labelled, and narrowed to one interlocutor. On the shipped library (real sources) and on
 * a small library where each case says what differs.
 */
import { describe, expect, test } from 'vitest';
import { shippedLibrary } from '../../data/tools/cli-lib';
import { story, storyLines, storyText, sourcesWith, type StoryEntry } from '../../data/library/story';
import { createMatcher } from '../../data/engine/match';
import { buildIndex } from '../../data/engine/searchIndex';
import { isOurs } from '../../data/library/schema';
import { library, position, source } from './libraryFixture';

const shipped = shippedLibrary();

describe('the story of a measure in the shipped library', () => {
  test.each([
    // The reflection period: asked on 31 January 2014, again on 3 February and at Matignon in June.
    ['PAN1-4bis', ['cr-2014-01-31', 'cr-2014-02-03', 'cr-2014-06-24']],
    // Residence permits: the draft plan's wording, the Collectif's asks, the CNCDH's status and observations.
    ['PAN1-5', ['cr-2014-01-31', 'cr-2014-02-03', 'cr-2014-06-24', 'eval-cncdh-2017']],
    // Labour inspectors: from the January reading of the draft to the 2017 evaluation.
    ['PAN1-13', ['cr-2014-01-31', 'cr-2014-02-03', 'eval-cncdh-2017']],
  ])('%s: oldest first, every passage tagged with it, each with its source and citation', (key, sources) => {
    const s = story(shipped, key);
    const tagged = shipped.positions.filter((p) => p.measures.includes(key));
    expect(s.entries.filter((e) => e.position).map((e) => e.position!.id).sort()).toEqual(tagged.map((p) => p.id).sort());
    const dates = s.entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const id of sources) expect(s.entries.some((e) => e.sourceId === id)).toBe(true);
    for (const e of s.entries) {
      expect(e.citation).not.toBe('');
      expect(shipped.sources.some((src) => src.id === e.sourceId)).toBe(true);
      // The government and the CNCDH are context, never a position of ours.
      expect(e.kind === 'position').toBe(isOurs(e.author));
    }
  });

  test('within a day the passages keep the order of their source', () => {
    const s = story(shipped, 'PAN1-4bis');
    const sameDay = s.entries.filter((e) => e.sourceId === 'cr-2014-01-31');
    const lines = sameDay.map((e) => e.lines![0]);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  test('a measure the CNCDH evaluated carries its 2017 status as a dated, labelled entry', () => {
    const s = story(shipped, 'PAN1-5');
    const status = s.entries.find((e) => e.kind === 'cncdh-status');
    expect(status).toMatchObject({ author: 'cncdh', text: 'partiellement mise en oeuvre', date: '2017-07-06' });
    expect(storyText(s, shipped)).toContain('Statut CNCDH (2017) : partiellement mise en œuvre');
  });

  test('the copied story quotes context with its attribution and the Collectif\u2019s wording with its citation', () => {
    const text = storyText(story(shipped, 'PAN1-5'), shipped);
    expect(text).toMatch(/^Mesure 5 — Assurer/);
    expect(text).toContain('Gouvernement (contexte)');
    expect(text).toContain('CNCDH (contexte)');
    expect(text).toContain('(Compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014');
  });

  test('a theme has a story too', () => {
    const s = story(shipped, 'delai-reflexion');
    expect(s.subject.kind).toBe('theme');
    expect(s.entries.length).toBe(shipped.positions.filter((p) => p.themes.includes('delai-reflexion')).length);
  });
});

describe('narrowed to one interlocutor', () => {
  test('« Matignon » is the Prime Minister\u2019s office in 2014 and in 2022, though no source writes the word', () => {
    expect(sourcesWith(shipped, 'Matignon').map((s) => s.id)).toEqual(['cr-2014-06-24', 'plaidoyer-2022-12-15']);
    const s = story(shipped, 'PAN1-5', { with: 'Matignon' });
    expect(new Set(s.entries.filter((e) => e.position).map((e) => e.sourceId))).toEqual(new Set(['cr-2014-06-24']));
    // What is still open stays, as context.
    expect(s.entries.some((e) => e.kind === 'cncdh-status')).toBe(true);
  });

  test('« l\u2019Élysée » is found among the 2022 participants', () => {
    expect(sourcesWith(shipped, 'l’Élysée').map((s) => s.id)).toEqual(['plaidoyer-2022-12-15']);
  });

  // Until the forty-sixth session a name was looked for as written, whole: « Mme Vallaud-Belkacem » found nothing (the
  // sources write « Mme Najat Vallaud-Belkacem »), nor « Mme Borne », « Prime Minister » or « la Présidence de la République ».
  test('a name is read word by word, titles and small words let go, an office by its usual names', () => {
    const ids = (who: string) => sourcesWith(shipped, who).map((s) => s.id);
    expect(ids('Mme Vallaud-Belkacem')).toEqual(['cr-2014-02-03']);
    expect(ids('Vallaud')).toEqual(['cr-2014-02-03']);
    expect(ids('Mme Borne')).toEqual(['plaidoyer-2022-12-15']);
    expect(ids('the Prime Minister')).toEqual(['cr-2014-06-24', 'plaidoyer-2022-12-15']);
    expect(ids('le Président de la République')).toEqual(['plaidoyer-2022-12-15']);
    expect(ids('cabinet de la Première ministre')).toEqual(['plaidoyer-2022-12-15']);
    expect(ids('ministère des Droits des femmes')).toEqual(['cr-2014-02-03']);
  });

  test('an interlocutor no source names is an error that lists the sources', () => {
    expect(() => story(shipped, 'PAN1-5', { with: 'Bercy' })).toThrow(/Aucune source ne nomme « Bercy ».*Rencontre avec Mme Vallaud-Belkacem/);
  });
});

describe('on a small library', () => {
  const lib = library(
    [source('b', { date: '2022-12-15', meeting: 'Cabinet de la Première ministre' }), source('a', { date: '2014-01-31' })],
    [
      position('b', 3, { date: '2022-12-15', text: 'Nous demandons encore trois mois.' }),
      position('a', 9, { date: '2014-01-31', text: 'Trois mois, dit le Collectif.' }),
      position('a', 2, { date: '2014-01-31', author: 'gouvernement', text: 'Le projet de plan dit trente jours.' }),
      position('a', 5, { date: '2014-01-31', measures: ['PAN1-6'], text: 'Une autre mesure.' }),
    ],
  );

  test('oldest first whatever order the library holds them in, and only the measure asked for', () => {
    expect(story(lib, 'PAN1-5').entries.map((e) => e.text)).toEqual([
      'Le projet de plan dit trente jours.',
      'Trois mois, dit le Collectif.',
      'Nous demandons encore trois mois.',
    ]);
  });

  test('keys are read loosely (« pan1-5 ») and an unknown key is an error naming it', () => {
    expect(story(lib, 'pan1-5').entries).toHaveLength(3);
    expect(() => story(lib, 'PAN9-1')).toThrow(/Mesure ou thème inconnu : « PAN9-1 »/);
  });
});

describe('near-identical wordings in a story', () => {
  // The 3 February 2014 report's synthesis gives the Collectif the sentence its full account gives M. Albert
  // (Mouvement du Nid): the story showed it twice, one entry after the other.
  const twins = createMatcher(buildIndex(shipped)).twins;
  const synthesis = 'cr-2014-02-03:b876a12d';
  const account = 'cr-2014-02-03:fb5b38f4';
  const saying = (entries: StoryEntry[]) => entries.filter((e) => e.text.includes('parle de « possibilité » de délivrer'));

  test('in one source they are one entry, the Collectif’s, that cites the member’s account too', () => {
    expect(saying(story(shipped, 'PAN1-5').entries)).toHaveLength(2);
    const merged = saying(story(shipped, 'PAN1-5', { twins }).entries);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.author).toBe('collectif');
    expect(merged[0]!.position!.id).toBe(synthesis);
    const places = merged[0]!.position!.citations!.map((c) => c.positionId);
    expect(places).toEqual([synthesis, account]);
    // The member's words at their place are given, since they are not quite the ones shown (« M. Albert rappelle que »).
    expect(merged[0]!.position!.citations![1]!.text).toMatch(/^M\. Albert rappelle que/);
    expect(storyLines(story(shipped, 'PAN1-5', { twins }))).toMatch(/↳ aussi : Compte-rendu in extenso › Mouvement du Nid \(l\. 200-200\) : «\s*M\. Albert/);
  });

  test('nothing is lost: every passage on the measure is an entry or cited by one', () => {
    for (const key of ['PAN1-5', 'PAN1-1', 'identification', 'evaluation']) {
      const s = story(shipped, key, { twins });
      const placed = new Set(s.entries.flatMap((e) => (e.position ? [e.position.id, ...(e.position.citations ?? []).map((c) => c.positionId)] : [])));
      const about = shipped.positions.filter((p) => p.measures.includes(key) || p.themes.includes(key));
      for (const p of about) expect(placed.has(p.id), `${key} ${p.id}`).toBe(true);
      expect(s.entries.length, key).toBeLessThan(story(shipped, key).entries.length);
    }
  });

  test('the same demand at a later meeting stays an entry of its own: the story is what was said, when', () => {
    const again = story(shipped, 'PAN1-10', { twins }).entries.filter((e) => e.text.startsWith('Les mineurs doivent pouvoir bénéficier du statut de victimes'));
    expect(again.map((e) => e.date)).toEqual(['2014-02-03', '2014-06-24']);
  });

  test('the government’s words are never merged into the Collectif’s entry', () => {
    for (const key of ['PAN1-5', 'PAN1-14', 'PAN1-13', 'poursuites']) {
      for (const e of story(shipped, key, { twins }).entries) {
        // (A place merged at build, the same words twice in one source, has no position of its own.)
        const cited = (e.position?.citations ?? []).flatMap((c) => shipped.positions.filter((p) => p.id === c.positionId));
        for (const p of cited) expect(isOurs(p.author), `${key} ${p.id}`).toBe(isOurs(e.author));
      }
    }
  });
});