/**
 * What the options page lets people set, and how it is kept: in the extension's own `localStorage`,
 * which every extension page (panel, popup, options) shares and hears change (`storage` event), so
 * no extra permission is needed and a change shows at once in an open panel. Pure parsing here
 * (unit-tested); `useSettings` reads and writes.
 */
import { CITATION_STYLES, type CitationStyle } from '../data/library/citation';

export type LanguageChoice = 'browser' | 'fr' | 'en';

export interface Settings {
  /** Interface language: the browser's, or French or English whatever the browser says. */
  language: LanguageChoice;
  /** Suggestions paused: the panel stops following the writing until turned back on. */
  paused: boolean;
  /** How many suggestions the panel shows. */
  suggestionCount: number;
  /** Whether CNCDH and government words appear in the suggestions (as labelled context). */
  showContext: boolean;
  /** How « Insérer avec la source » cites. */
  citationStyle: CitationStyle;
}

export const DEFAULT_SETTINGS: Settings = { language: 'browser', paused: false, suggestionCount: 5, showContext: true, citationStyle: 'inline' };
export const SUGGESTION_COUNTS = [3, 5, 8, 10] as const;
export const SETTINGS_KEY = 'positions.settings';

/** Whatever was stored, as valid settings: a field that is missing or wrong takes its default, the others are kept. */
export function parseSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const pick = <T>(ok: boolean, v: unknown, fallback: T): T => (ok ? (v as T) : fallback);
  return {
    language: pick(['browser', 'fr', 'en'].includes(value.language as string), value.language, DEFAULT_SETTINGS.language),
    paused: pick(typeof value.paused === 'boolean', value.paused, DEFAULT_SETTINGS.paused),
    suggestionCount: pick((SUGGESTION_COUNTS as readonly unknown[]).includes(value.suggestionCount), value.suggestionCount, DEFAULT_SETTINGS.suggestionCount),
    showContext: pick(typeof value.showContext === 'boolean', value.showContext, DEFAULT_SETTINGS.showContext),
    citationStyle: pick((CITATION_STYLES as readonly unknown[]).includes(value.citationStyle), value.citationStyle, DEFAULT_SETTINGS.citationStyle),
  };
}

/** The stored text as settings; unreadable JSON gives the defaults (nothing the user typed is lost: there is nothing else). */
export function readSettings(stored: string | null): Settings {
  if (!stored) return DEFAULT_SETTINGS;
  try {
    return parseSettings(JSON.parse(stored));
  } catch {
    return DEFAULT_SETTINGS;
  }
}
