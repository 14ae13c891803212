/**
 * The runtime side of `data/protocol.ts`: `sendMessage` for pages and content scripts,
 * `serveMessages` for the background. Errors thrown by a handler come back to the sender
 * as an `Error` with the same message, instead of a silent `undefined`.
 */
import { browser } from 'wxt/browser';
import type { Envelope, MessageType, Reply, RequestOf, ResponseOf } from '../data/protocol';
import type { Handlers } from '../data/service';

export async function sendMessage<K extends MessageType>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { channel: 'positions', type, request };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined;
  if (!reply) throw new Error(`Positions: the background did not answer "${type}". Reload the extension.`);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
  return reply.value;
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).channel === 'positions';
}

/** Answers our messages with `handlers`; leaves any other message to other listeners. */
export function serveMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only our own extension's pages and scripts may ask (never a web page via externally_connectable).
    if (!isEnvelope(message) || sender.id !== browser.runtime.id) return undefined;
    const handler = handlers[message.type] as ((request: unknown) => Promise<unknown>) | undefined;
    const reply: Promise<Reply> = handler
      ? handler(message.request).then(
          (value) => ({ ok: true, value }) as Reply,
          (error: unknown) => ({ ok: false, error: serialiseError(error) }),
        )
      : Promise.resolve({ ok: false, error: { name: 'Error', message: `Positions: no handler for message "${String(message.type)}".` } });
    // `sendResponse` + `return true` keeps the channel open until the reply is ready, in every
    // browser; returning a promise instead is ignored by older Chrome versions.
    void reply.then(sendResponse);
    return true;
  });
}

function serialiseError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
