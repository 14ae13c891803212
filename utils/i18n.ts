/**
 * `t()`: every string the user reads goes through here, from public/_locales/<lang>/messages.json.
 * The language is the browser's (Chrome and Firefox choose the locale; French is the default).
 * Keys are typed from messages.json by `wxt prepare`, so a misspelt key does not compile.
 */
import { browser } from 'wxt/browser';
import enMessages from '../public/_locales/en/messages.json';
import frMessages from '../public/_locales/fr/messages.json';
import { longDate } from '../data/library/citation';

/** Our message names (the `@@…` ones are the browser's). */
export type MessageKey = Exclude<Parameters<typeof browser.i18n.getMessage>[0], `@@${string}`>;

/** Keys that come in `_one` / `_other` forms. */
type PluralBase = MessageKey extends infer K ? (K extends `${infer Base}_one` ? Base : never) : never;

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const TABLES: Record<'fr' | 'en', Messages> = { fr: frMessages as Messages, en: enMessages as Messages };
/** The language chosen in the options, when it is not the browser's (see `chooseLanguage`). */
let chosen: 'fr' | 'en' | undefined;

/** French or English whatever the browser's language (the options' « Langue de l'interface »); `undefined` follows the browser. */
export function chooseLanguage(language: 'fr' | 'en' | undefined): void {
  chosen = language;
}

/** A message from the chosen locale's table, placeholders filled as the browser would. */
function fromTable(table: Messages, key: string, substitutions: string[]): string {
  const entry = table[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$|\$\$/g, (whole, name: string | undefined) => {
    if (!name) return '$';
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const text = chosen ? fromTable(TABLES[chosen], key, substitutions.map(String)) : browser.i18n.getMessage(key, substitutions.map(String));
  // An empty answer means the key is missing from the locale: show the key rather than nothing.
  if (!text) console.warn(`t: no message "${key}" in locale ${uiLanguage()}; check public/_locales.`);
  return text || key;
}

/**
 * « 1 position », « 0 position » (fr) / « 0 positions » (en), « 1 234 positions ». The count is the message's `$1`;
 * `rest` fills `$2`, `$3`… (« 1 proposition gardée sur 16 »).
 */
export function tCount(base: PluralBase, count: number, ...rest: Array<string | number>): string {
  const lang = uiLanguage();
  const form = formatter(`plural ${lang}`, () => new Intl.PluralRules(lang)).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}` as MessageKey, formatNumber(count), ...rest);
}

/** « a, b et c » / « a, b and c »: parts of one sentence, joined as the language does. */
export function formatList(parts: string[]): string {
  return new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(parts);
}

export function uiLanguage(): string {
  return chosen ?? (browser.i18n.getUILanguage() || 'fr');
}

/** The UI language's own name, « français » / « English ». */
export function languageName(): string {
  const lang = uiLanguage();
  return new Intl.DisplayNames([lang], { type: 'language' }).of(lang.split('-')[0] ?? lang) ?? lang;
}

/**
 * One number format and one set of plural rules per language, made once, as `longDate` keeps its date format: making
 * one costs a tenth of a millisecond, and a measure's story of 241 entries made two per entry (60 ms of 420).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.PluralRules>();
function formatter<T extends Intl.NumberFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

export function formatNumber(value: number): string {
  const lang = uiLanguage();
  return formatter(`number ${lang}`, () => new Intl.NumberFormat(lang)).format(value);
}

/**
 * An ISO day (YYYY-MM-DD) or timestamp as a long date, « 3 février 2014 », « 1er mars 2025 »: a day as the citations
 * write it (`longDate`), so that a card and the citation under it never differ; a timestamp as its day where the user is.
 */
export function formatDate(iso: string): string {
  if (iso.length === 10) return longDate(iso, uiLanguage());
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return longDate(`${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`, uiLanguage());
}
