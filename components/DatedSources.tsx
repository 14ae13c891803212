import { formatDate, t, tCount } from '../utils/i18n';
import { useCatalog } from './CatalogContext';

/**
 * The meetings and documents of the day, month or year a look-up names (« réunion du 24 juin 2014 », « 2022 »), or that it
 * names by their title (« compte rendu réunion Borne »), or the meetings where a question asks what the Collectif said
 * to someone they name (« ce que nous avons demandé à Matignon »). Asked for alone, their positions are the results; beside other
 * words, each can become the source filter (`onKeep`; the popup has none).
 */
export function DatedSources({
  ids,
  year,
  named,
  addressed,
  listed,
  kept,
  onKeep,
}: {
  ids: string[];
  year?: string;
  /** Named by their title, not a date. */
  named?: boolean;
  /** The meetings with those a question says the Collectif spoke to (« à Matignon »): the results are within them. */
  addressed?: boolean;
  listed: boolean;
  kept?: string;
  onKeep?: (id: string) => void;
}) {
  const { sources: byId } = useCatalog();
  const sources = ids.flatMap((id) => byId.get(id) ?? []);
  if (!sources.length) return null;
  return (
    <div class="dated-sources" data-testid="dated-sources" data-listed={String(listed)}>
      <p class="dated-sources__lead muted">{addressed ? tCount('searchAddressed', sources.length) : named ? tCount('searchNamed', sources.length) : year ? tCount('searchDatedYear', sources.length, year) : tCount('searchDated', sources.length)}</p>
      <ul class="dated-sources__list">
        {sources.map((source) => (
          <li key={source.id} data-source={source.id}>
            <span class="dated-sources__title">{source.title}</span> <span class="muted">{formatDate(source.date)}</span>
            {!listed && onKeep && kept !== source.id && (
              <>
                {' '}
                <button type="button" class="link-button" onClick={() => onKeep(source.id)} data-testid="keep-source">
                  {t('searchKeepSource')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
