/**
 * `summarise`: what the library holds, as the side panel, popup and options page show it.
 */
import type { LibraryDb } from './db';
import type { LibrarySummary, SourceSummary } from '../protocol';
import { AUTHORS, type AuthorId } from './schema';

export async function summarise(db: LibraryDb): Promise<LibrarySummary> {
  return db.transaction('r', [db.sources, db.positions, db.meta], async () => {
    const sources = await db.sources.toArray();
    const perSource: SourceSummary[] = await Promise.all(
      sources.map(async ({ id, title, shortTitle, date, kind, origin }) => ({
        id,
        title,
        shortTitle,
        date,
        kind,
        origin,
        positionCount: await db.positions.where('sourceId').equals(id).count(),
      })),
    );
    perSource.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
    const authors = Object.fromEntries(
      await Promise.all(AUTHORS.map(async (author) => [author, await db.positions.where('author').equals(author).count()] as const)),
    ) as Record<AuthorId, number>;
    const bundled = await db.meta.get('bundled');
    return {
      sources: perSource,
      positionCount: await db.positions.count(),
      authors,
      ...(bundled ? { bundled: { hash: bundled.hash, installedAt: bundled.installedAt } } : {}),
    };
  });
}
