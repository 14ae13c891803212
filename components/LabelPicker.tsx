import type { ComponentChildren } from 'preact';
import { AUTHORS, type AuthorId } from '../data/library/schema';
import { t } from '../utils/i18n';
import { useCatalog } from './CatalogContext';
import { measureLabel, planYears, themeLabel } from './labels';

/** The author's name in the picker. */
export function authorLabel(a: AuthorId): string {
  return a === 'collectif' ? t('authorCollectif') : a === 'association' ? t('authorAssociation') : a === 'cncdh' ? t('authorCncdh') : t('authorGouvernement');
}

/** Who said a position, chosen among the four authors (the review of an import, the correction of a position). */
export function AuthorField({ value, onChange, testId }: { value: AuthorId; onChange: (author: AuthorId) => void; testId?: string }) {
  return (
    <label class="field">
      <span>{t('reviewAuthor')}</span>
      <select class="select" value={value} onChange={(e) => onChange(e.currentTarget.value as AuthorId)} data-testid={testId}>
        {AUTHORS.map((a) => (
          <option value={a} key={a}>
            {authorLabel(a)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A measure's title in a picker's list: long ones cut at a word, so the list stays readable. */
const TITLE_CHARS = 70;

/**
 * The measures of a position, chosen from the library's own: each shown as « Mesure 11 » with a button to take it
 * off, and a list to add one, grouped by plan, each with its title. Nothing is typed, so nothing can be misspelt: a
 * key the library does not hold would be refused when a colleague imports the export.
 */
export function MeasurePicker({ value, onChange, testId }: { value: readonly string[]; onChange: (keys: string[]) => void; testId: string }) {
  const { catalog, measures } = useCatalog();
  const plans = [...new Set(catalog.measures.map((m) => m.plan))];
  return (
    <Picker
      legend={t('reviewMeasures')}
      none={t('pickerNoMeasure')}
      add={t('pickerAddMeasure')}
      chosen={value.map((key) => ({ key, label: measureLabel(measures.get(key), key) }))}
      onRemove={(key) => onChange(value.filter((k) => k !== key))}
      onAdd={(key) => onChange([...value, key])}
      testId={testId}
    >
      {plans.map((plan) => (
        <optgroup key={plan} label={t('planHeading', planYears(plan))}>
          {catalog.measures
            .filter((m) => m.plan === plan && !value.includes(m.key))
            .map((m) => (
              <option key={m.key} value={m.key}>
                {measureLabel(m, m.key)} — {shorten(m.title)}
              </option>
            ))}
        </optgroup>
      ))}
    </Picker>
  );
}

/**
 * The themes of a position, chosen from the library's own by their labels (« Hébergement », not « hebergement »). A
 * position keeps at least one (browsing by theme lists it there; an export without one is refused): the last one has
 * no button to take it off.
 */
export function ThemePicker({ value, onChange, testId }: { value: readonly string[]; onChange: (ids: string[]) => void; testId: string }) {
  const { catalog, themes } = useCatalog();
  return (
    <Picker
      legend={t('reviewThemes')}
      none={t('pickerNoTheme')}
      add={t('pickerAddTheme')}
      chosen={value.map((id) => ({ key: id, label: themeLabel(themes.get(id), id) }))}
      onRemove={(id) => onChange(value.filter((k) => k !== id))}
      onAdd={(id) => onChange([...value, id])}
      keepOne={t('pickerKeepOneTheme')}
      testId={testId}
    >
      {catalog.themes
        .filter((theme) => !value.includes(theme.id))
        .map((theme) => (
          <option key={theme.id} value={theme.id}>
            {themeLabel(theme, theme.id)}
          </option>
        ))}
    </Picker>
  );
}

function Picker({
  legend,
  none,
  add,
  chosen,
  onRemove,
  onAdd,
  keepOne,
  testId,
  children,
}: {
  legend: string;
  none: string;
  add: string;
  chosen: { key: string; label: string }[];
  onRemove: (key: string) => void;
  onAdd: (key: string) => void;
  /** When set, the last one chosen cannot be taken off; this says why (its tooltip). */
  keepOne?: string;
  testId: string;
  children: ComponentChildren;
}) {
  return (
    <fieldset class="picker" data-testid={testId} data-chosen={chosen.map((c) => c.key).join(' ')}>
      <legend class="picker__legend">{legend}</legend>
      {chosen.length ? (
        <ul class="chips picker__chosen">
          {chosen.map((c) => (
            <li key={c.key} class="chip picker__chip" data-key={c.key} title={keepOne && chosen.length === 1 ? keepOne : undefined}>
              {c.label}
              {!(keepOne && chosen.length === 1) && (
                <button type="button" class="picker__remove" onClick={() => onRemove(c.key)} aria-label={t('pickerRemove', c.label)} title={t('pickerRemove', c.label)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted picker__none">{none}</p>
      )}
      <select
        class="select picker__add"
        value=""
        aria-label={add}
        onChange={(e) => {
          const key = e.currentTarget.value;
          e.currentTarget.value = '';
          if (key) onAdd(key);
        }}
        data-testid={`${testId}-add`}
      >
        <option value="">{add}</option>
        {children}
      </select>
    </fieldset>
  );
}

function shorten(title: string): string {
  if (title.length <= TITLE_CHARS) return title;
  const cut = title.slice(0, TITLE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_CHARS - 15))}…`;
}
