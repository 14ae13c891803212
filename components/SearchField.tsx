import type { Ref } from 'preact';
import { t } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';

/** Asks the background to read the library for look-ups while the user types the first one (`library/prepareSearch`). */
function prepareSearch(): void {
  sendMessage('library/prepareSearch', undefined).catch(() => undefined);
}

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
        onFocus={prepareSearch}
        data-testid="search-input"
      />
    </>
  );
}
