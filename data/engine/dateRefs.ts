/**
 * Dates named in a look-up: « 24 juin 2014 », « 1er décembre », « juin 2014 », « 24/06/2014 », « 2014-06-24 », and the
 * English forms (« June 24, 2014 », « 24 June 2014 », « June 2014 »). The search box reads them as the date of a meeting
 * or a document of the library (« réunion du 3 février 2014 »), never as a measure (« 3 février » is no « mesure 3 »).
 * A year alone is not a date here: « 2014 » is also a word of the passages (« le plan 2014-2016 »).
 */
import { foldTracked } from './normalise';

export interface DateRef {
  /** « 2014 », when named. */
  year?: string;
  /** « 06 ». */
  month: string;
  /** « 24 », when named. */
  day?: string;
  /** Where the date is in the text (characters of the look-up as typed). */
  start: number;
  end: number;
}

const MONTHS: Record<string, string> = {
  janvier: '01', fevrier: '02', mars: '03', avril: '04', mai: '05', juin: '06',
  juillet: '07', aout: '08', septembre: '09', octobre: '10', novembre: '11', decembre: '12',
  january: '01', february: '02', march: '03', april: '04', may: '05', june: '06',
  july: '07', august: '08', september: '09', october: '10', november: '11', december: '12',
  janv: '01', fevr: '02', fev: '02', avr: '04', juil: '07', sept: '09', oct: '10', nov: '11', dec: '12',
  jan: '01', feb: '02', mar: '03', apr: '04', jun: '06', jul: '07', aug: '08', sep: '09',
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(1er|premier|\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

/** Each form, on the folded look-up (lower case, no accents); the groups say which part is which. */
const FORMS: { re: RegExp; parts: ('day' | 'month' | 'year' | 'monthNumber')[] }[] = [
  { re: new RegExp(`\\b${YEAR}-(\\d{1,2})-(\\d{1,2})\\b`, 'g'), parts: ['year', 'monthNumber', 'day'] },
  { re: new RegExp(`\\b(\\d{1,2})[/.](\\d{1,2})[/.]${YEAR}\\b`, 'g'), parts: ['day', 'monthNumber', 'year'] },
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?:\\s+${YEAR})?\\b`, 'g'), parts: ['day', 'month', 'year'] },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?\\b`, 'g'), parts: ['month', 'day', 'year'] },
  { re: new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, 'g'), parts: ['month', 'year'] },
];

const two = (n: number) => String(n).padStart(2, '0');

/** The dates a look-up names, in the order they are written. */
export function dateRefs(text: string): DateRef[] {
  const { text: folded, from, to } = foldTracked(text, true);
  const found: (DateRef & { at: number; until: number })[] = [];
  for (const { re, parts } of FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const at = m.index;
      const until = at + m[0].length;
      if (found.some((f) => at < f.until && f.at < until)) continue;
      const ref: Partial<DateRef> = {};
      parts.forEach((part, i) => {
        const value = m![i + 1];
        if (value === undefined) return;
        if (part === 'year') ref.year = value;
        else if (part === 'month') ref.month = MONTHS[value];
        else if (part === 'monthNumber') ref.month = two(Number(value));
        else ref.day = two(value === '1er' || value === 'premier' ? 1 : Number(value));
      });
      const month = Number(ref.month);
      const day = ref.day === undefined ? 1 : Number(ref.day);
      if (!ref.month || month < 1 || month > 12 || day < 1 || day > 31) continue;
      found.push({ ...ref, month: ref.month, start: from[at]!, end: to[until - 1]!, at, until });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, until: _until, ...ref }) => ref);
}

/** Whether an ISO date (« 2014-06-24 ») is the day, or within the month, a reference names. */
export function dateMatches(iso: string, ref: DateRef): boolean {
  const [year, month, day] = iso.split('-');
  return month === ref.month && (ref.year === undefined || year === ref.year) && (ref.day === undefined || day === ref.day);
}

/** The sources dated on a day, or in a month, that one of `dates` names. */
export function sourcesOn<S extends { date: string }>(dates: readonly DateRef[], sources: readonly S[]): S[] {
  return dates.length ? sources.filter((source) => dates.some((d) => dateMatches(source.date, d))) : [];
}
