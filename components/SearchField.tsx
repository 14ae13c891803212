import type { Ref } from 'preact';
import { t } from '../utils/i18n';

/** The labelled search box of the panel and the popup: words as typed, no autocomplete, no spellcheck. */
export function SearchField({ id, value, onText, inputRef }: { id: string; value: string; onText: (text: string) => void; inputRef?: Ref<HTMLInputElement> }) {
  return (
    <>
      <label class="field-label" for={id}>
        {t('searchLabel')}
      </label>
      <input
        ref={inputRef}
        id={id}
        class="input"
        type="search"
        value={value}
        placeholder={t('searchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => onText(event.currentTarget.value)}
        data-testid="search-input"
      />
    </>
  );
}
