/**
 * The background service: one handler per message of `ProtocolMap`, over the library database.
 * Browser-free, so tests drive it with fake-indexeddb exactly as the background does.
 */
import { installBundled, type InstallReport, type LibraryDb } from './db';
import type { MessageContext, MessageType, PageMessageType, RequestOf, ResponseOf } from './protocol';
import type { Library } from './schema';
import { summarise } from './summary';

/** Answers one message; `context` says who sent it, as the browser reports it. */
export type Handler<K extends MessageType> = (request: RequestOf<K>, context: MessageContext) => Promise<ResponseOf<K>>;
/** One handler per message: the background serves exactly this, so a message without a handler does not build. */
export type Handlers = { [K in MessageType]: Handler<K> };
/**
 * The messages this service answers: all but the page-side ones (editor/, panel/, site/), which need
 * the browser's tabs and scripting APIs and live in `utils/background/`. These ignore the sender.
 */
export type LibraryHandlers = { [K in Exclude<MessageType, PageMessageType>]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export function createLibraryService(db: LibraryDb, bundled: Library) {
  let installing: Promise<InstallReport> | undefined;

  /**
   * Loads or refreshes the bundled library once per background lifetime. Called on
   * `runtime.onInstalled` and before answering any message, so a database that is empty
   * (onInstalled missed, storage cleared) is filled on first use. A no-op when the bundle
   * is already installed. A failed install is retried on the next call.
   */
  function ensureInstalled(): Promise<InstallReport> {
    installing ??= installBundled(db, bundled).catch((error: unknown) => {
      installing = undefined;
      throw error;
    });
    return installing;
  }

  const handlers: LibraryHandlers = {
    'library/summary': async () => {
      await ensureInstalled();
      return summarise(db);
    },
  };

  return { ensureInstalled, handlers };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
