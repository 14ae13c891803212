/**
 * Every message an extension page or content script can send to the background, in one map:
 * the message type, what it carries and what it answers. Pure types; the runtime wiring is in
 * `utils/messaging.ts` (senders) and `entrypoints/background.ts` (handlers).
 *
 * To add a message: add an entry here, then TypeScript refuses to build until the background
 * service (`data/service.ts`) handles it.
 */
import type { AuthorId, Source } from './schema';

export interface ProtocolMap {
  /** What the library holds: its sources with their number of positions, and totals. */
  'library/summary': { request: void; response: LibrarySummary };
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

/** What travels through `runtime.sendMessage`. */
export interface Envelope<K extends MessageType = MessageType> {
  /** Marks our messages, so other senders' messages are ignored. */
  channel: 'positions';
  type: K;
  request: RequestOf<K>;
}

/** The background's answer: a value, or an error serialised so the sender can show it. */
export type Reply<K extends MessageType = MessageType> =
  | { ok: true; value: ResponseOf<K> }
  | { ok: false; error: { name: string; message: string } };

export interface SourceSummary extends Pick<Source, 'id' | 'title' | 'shortTitle' | 'date' | 'kind' | 'origin'> {
  positionCount: number;
}

export interface LibrarySummary {
  /** Most recent first. */
  sources: SourceSummary[];
  positionCount: number;
  /** Number of positions per author (every author present, 0 when none). */
  authors: Record<AuthorId, number>;
  /** The installed bundle, if any. */
  bundled?: { hash: string; installedAt: string };
}
