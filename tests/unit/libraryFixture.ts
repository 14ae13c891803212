/** Small, valid libraries for the unit tests, built field by field so each test says what differs. */
import { LIBRARY_FORMAT, type AuthorId, type Library, type Position, type Source } from '../../data/library/schema';

export function source(id: string, overrides: Partial<Source> = {}): Source {
  return {
    id,
    file: `${id}.txt`,
    title: `Compte-rendu ${id}`,
    shortTitle: `Rencontre ${id}`,
    kind: 'compte-rendu',
    date: '2014-02-03',
    meeting: 'Paris',
    participants: [],
    origin: 'bundled',
    ...overrides,
  };
}

export function position(sourceId: string, n: number, overrides: Partial<Position> = {}): Position {
  return {
    id: `${sourceId}:${String(n).padStart(4, '0')}`,
    text: `Le Collectif demande (${sourceId} ${n}).`,
    author: 'collectif' as AuthorId,
    measures: ['PAN1-5'],
    themes: ['sejour'],
    sourceId,
    date: '2014-02-03',
    section: 'Synthèse',
    lines: [n, n],
    ...overrides,
  };
}

export function library(sources: Source[], positions: Position[], overrides: Partial<Library> = {}): Library {
  return {
    format: LIBRARY_FORMAT,
    sources,
    measures: [
      { key: 'PAN1-4bis', plan: 'PAN1', number: '4 bis', title: 'Étendre le délai de réflexion' },
      { key: 'PAN1-5', plan: 'PAN1', number: '5', title: 'Assurer l’accès au séjour' },
    ],
    themes: [
      { id: 'delai-reflexion', label: 'Délai de réflexion', about: 'durée' },
      { id: 'sejour', label: 'Droit au séjour', about: 'titre de séjour' },
    ],
    positions,
    ...overrides,
  };
}

/** Two bundled sources, three positions. */
export const BUNDLE_V1 = library(
  [source('cr-a', { date: '2014-02-03' }), source('cr-b', { date: '2014-06-24' })],
  [position('cr-a', 1), position('cr-a', 2, { author: 'gouvernement' }), position('cr-b', 1)],
);
