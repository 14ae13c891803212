import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { t } from '../utils/i18n';
import { ErrorNotice } from './ErrorNotice';

/** Fences off a root: a crash while rendering shows a notice with a retry instead of a blank page. */
export function ErrorBoundary({ children }: { children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((caught: unknown) => console.error('Positions: rendering failed.', caught));
  if (error) return <ErrorNotice title={t('unexpectedError')} error={error} onRetry={reset} />;
  return <>{children}</>;
}
