/**
 * The runtime side of `data/protocol.ts`: `sendMessage` for pages and content scripts,
 * `serveMessages` for the background; `sendToFrame` / `serveContentMessages` for the few
 * messages the background sends to one frame of a tab. Errors thrown by a handler come back to
 * the sender as an `Error` with the same message, instead of a silent `undefined`.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  EXTENSION_PAGE_ONLY,
  type ContentEnvelope,
  type ContentMessageType,
  type ContentProtocolMap,
  type Envelope,
  type MessageContext,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '../data/protocol';
import type { Handlers } from '../data/service';

export async function sendMessage<K extends MessageType>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { channel: 'positions', type, request };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined;
  return unwrap(type, reply);
}

function unwrap<T>(type: string, reply: { ok: true; value: T } | { ok: false; error: { name: string; message: string } } | undefined): T {
  if (!reply) throw new Error(`Positions: no answer to "${type}". Reload the extension.`);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
  return reply.value;
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).channel === 'positions';
}

/** Who sent a message, from what the browser says about the sender (never from the message). */
export function senderContext(sender: Browser.runtime.MessageSender): MessageContext {
  return {
    tabId: sender.tab?.id,
    frameId: sender.frameId,
    url: sender.url,
    // The frame's origin (an about:blank editor frame has its creator's) and the tab's address, when the browser tells.
    origin: (sender as { origin?: string }).origin,
    tabUrl: sender.tab?.url,
    // Our pages' addresses start with the extension's own origin; a content script's is the page's.
    fromExtensionPage: sender.url?.startsWith(browser.runtime.getURL('/')) ?? false,
  };
}

/** Answers our messages with `handlers`; leaves any other message to other listeners. */
export function serveMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only our own extension's pages and scripts may ask (never a web page via externally_connectable).
    if (!isEnvelope(message) || sender.id !== browser.runtime.id) return undefined;
    const context = senderContext(sender);
    const handler = handlers[message.type] as ((request: unknown, context: MessageContext) => Promise<unknown>) | undefined;
    let reply: Promise<Reply>;
    if (!handler) {
      reply = Promise.resolve(failure(`Positions: no handler for message "${String(message.type)}".`));
    } else if (EXTENSION_PAGE_ONLY.includes(message.type) && !context.fromExtensionPage) {
      // A content script runs inside web pages: it never gets to insert text or change site access.
      reply = Promise.resolve(failure(`Positions: "${message.type}" may only be sent by the extension's own pages.`));
    } else {
      reply = handler(message.request, context).then(
        (value) => ({ ok: true, value }) as Reply,
        (error: unknown) => ({ ok: false, error: serialiseError(error) }),
      );
    }
    // `sendResponse` + `return true` keeps the channel open until the reply is ready, in every
    // browser; returning a promise instead is ignored by older Chrome versions.
    void reply.then(sendResponse);
    return true;
  });
}

/** Background → one frame of a tab. Rejects when no content script answers there. */
export async function sendToFrame<K extends ContentMessageType>(
  tabId: number,
  frameId: number,
  type: K,
  request: ContentProtocolMap[K]['request'],
): Promise<ContentProtocolMap[K]['response']> {
  const envelope: ContentEnvelope<K> = { channel: 'positions', type, request };
  const reply = (await browser.tabs.sendMessage(tabId, envelope, { frameId })) as
    | { ok: true; value: ContentProtocolMap[K]['response'] }
    | { ok: false; error: { name: string; message: string } }
    | undefined;
  return unwrap(type, reply);
}

export type ContentHandlers = {
  [K in ContentMessageType]: (request: ContentProtocolMap[K]['request']) => Promise<ContentProtocolMap[K]['response']>;
};

/** In a content script: answers the background's messages (only the background's: `sender.tab` is unset). Returns how to stop answering. */
export function serveContentMessages(handlers: ContentHandlers): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    if (!isEnvelope(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
    const handler = (handlers as Record<string, ((request: unknown) => Promise<unknown>) | undefined>)[message.type];
    if (!handler) return undefined;
    handler(message.request).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: serialiseError(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Background → every frame of tab `tabId` (no answer awaited beyond delivery); false when nothing listens there. */
export async function sendToTab<K extends ContentMessageType>(tabId: number, type: K, request: ContentProtocolMap[K]['request']): Promise<boolean> {
  const envelope: ContentEnvelope<K> = { channel: 'positions', type, request };
  return browser.tabs.sendMessage(tabId, envelope).then(
    () => true,
    () => false,
  );
}

function failure(message: string): Reply {
  return { ok: false, error: { name: 'Error', message } };
}

function serialiseError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
