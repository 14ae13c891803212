import { useEffect, useState } from 'preact/hooks';
import type { LibraryStatus } from '../data/protocol';
import { formatNumber, t } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';

/**
 * Says, at the top of the panel, when the library in use is not the stored one: the database could
 * not be read and the bundled library stands in, or stored positions are unreadable and left out.
 * Nothing when all is well.
 */
export function LibraryNotice() {
  const [status, setStatus] = useState<LibraryStatus>();
  useEffect(() => {
    let live = true;
    sendMessage('library/status', undefined).then(
      (value) => live && setStatus(value),
      (error: unknown) => console.warn('Positions: library status unavailable.', error),
    );
    return () => {
      live = false;
    };
  }, []);
  if (!status) return null;
  const lines = [
    ...(status.storage === 'fallback' ? [t('libraryFallback')] : []),
    ...(status.unreadable > 0 ? [t('libraryUnreadable', formatNumber(status.unreadable))] : []),
  ];
  if (!lines.length) return null;
  return (
    <div class="notice" role="status" data-testid="library-notice" data-storage={status.storage}>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
