import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { Catalog, MeasureEntry } from '../data/protocol';
import type { Source, Theme } from '../data/library/schema';
import { t } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import { ErrorNotice } from './ErrorNotice';
import { useLibraryVersion } from './useLibraryVersion';
import { useQuery } from './useQuery';

/** The catalog with look-ups by id: every card needs its source, its measures' titles, its themes' labels. */
export interface CatalogIndex {
  catalog: Catalog;
  sources: Map<string, Source>;
  measures: Map<string, MeasureEntry>;
  themes: Map<string, Theme & { count: number }>;
}

const CatalogContext = createContext<CatalogIndex | undefined>(undefined);

/**
 * Loads the catalog for the page, and again when the library changes (a report imported in the options tab while
 * the panel is open: its cards need the new source's title for their citation); shows loading and error states until
 * it is first there, then keeps the last one on screen while it is read again.
 */
export function CatalogProvider({
  children,
  load = () => sendMessage('library/catalog', undefined),
  quiet = false,
}: {
  children: ComponentChildren;
  load?: () => Promise<Catalog>;
  /** Say nothing while loading (the popup already says « Chargement… » once). */
  quiet?: boolean;
}) {
  const version = useLibraryVersion();
  const { query, retry } = useQuery('catalog', load, { refresh: version });
  const value = useMemo(() => (query.status === 'ready' ? indexCatalog(query.value) : undefined), [query]);
  if (query.status === 'error') return <ErrorNotice title={t('loadErrorTitle')} error={query.error} onRetry={retry} />;
  if (!value) {
    if (quiet) return null;
    return (
      <p class="muted loading" role="status" aria-live="polite" data-testid="loading">
        {t('loading')}
      </p>
    );
  }
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): CatalogIndex {
  const value = useContext(CatalogContext);
  if (!value) throw new Error('useCatalog: render inside <CatalogProvider>.');
  return value;
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  return {
    catalog,
    sources: new Map(catalog.sources.map((s) => [s.id, s])),
    measures: new Map(catalog.measures.map((m) => [m.key, m])),
    themes: new Map(catalog.themes.map((th) => [th.id, th])),
  };
}
