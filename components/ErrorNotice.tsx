import { t } from '../utils/i18n';

interface Props {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failure explained for non-technical staff, with the raw message tucked away for support. */
export function ErrorNotice({ title, error, onRetry }: Props) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div class="notice notice--error" role="alert" data-testid="error">
      <p class="notice__title">{title}</p>
      <p>{t('loadErrorHint')}</p>
      <details>
        <summary>{t('errorDetails')}</summary>
        <code>{detail}</code>
      </details>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
