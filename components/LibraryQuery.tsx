import type { ComponentChildren } from 'preact';
import type { LibrarySummary } from '../data/protocol';
import { t } from '../utils/i18n';
import { ErrorNotice } from './ErrorNotice';
import { useLibrarySummary } from './useLibrarySummary';

/** Shows loading and error states, then `children(summary)` once the library is read. */
export function LibraryQuery({ children }: { children: (summary: LibrarySummary) => ComponentChildren }) {
  const { query, retry } = useLibrarySummary();
  if (query.status === 'loading') {
    return (
      <p class="muted loading" role="status" aria-live="polite" data-testid="loading">
        {t('loading')}
      </p>
    );
  }
  if (query.status === 'error') return <ErrorNotice title={t('loadErrorTitle')} error={query.error} onRetry={retry} />;
  return <>{children(query.value)}</>;
}
