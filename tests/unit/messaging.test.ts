/**
 * The background's message door (utils/messaging.ts), with a fake `browser`: the sender's tab and
 * frame reach the handler as the browser reports them, and a content script (a web page's
 * neighbour) is refused the messages that only the extension's own pages may send.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

type Listener = (message: unknown, sender: Record<string, unknown>, sendResponse: (reply: unknown) => void) => unknown;
const listeners: Listener[] = [];

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      id: 'positions-id',
      getURL: (path: string) => `chrome-extension://positions-id${path}`,
      onMessage: { addListener: (listener: Listener) => listeners.push(listener) },
    },
  },
}));

const { serveMessages } = await import('../../utils/messaging');
const { EXTENSION_PAGE_ONLY } = await import('../../data/protocol');

const PAGE = { id: 'positions-id', url: 'chrome-extension://positions-id/sidepanel.html' };
const CONTENT = { id: 'positions-id', url: 'https://mail.asso.org/?_task=mail', tab: { id: 7 }, frameId: 3 };

function send(type: string, request: unknown, sender: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    const kept = listeners[0]?.({ channel: 'positions', type, request }, sender, resolve);
    if (kept !== true) resolve('ignored');
  });
}

const seen: unknown[] = [];
beforeEach(() => {
  listeners.length = 0;
  seen.length = 0;
  const answer = async (request: unknown, context: unknown) => {
    seen.push(context);
    return request;
  };
  serveMessages(new Proxy({}, { get: () => answer }) as never);
});

describe('serveMessages', () => {
  test('a content script’s paragraph reaches the handler with its tab and frame, from the browser', async () => {
    await expect(send('editor/paragraph', { text: 'a' }, CONTENT)).resolves.toEqual({ ok: true, value: { text: 'a' } });
    expect(seen).toEqual([{ tabId: 7, frameId: 3, url: CONTENT.url, fromExtensionPage: false }]);
  });

  test.each(EXTENSION_PAGE_ONLY)('"%s" from a content script is refused, and the handler never runs', async (type) => {
    const reply = (await send(type, { tabId: 7, text: 'x', url: CONTENT.url }, CONTENT)) as { ok: boolean; error?: { message: string } };
    expect(reply.ok).toBe(false);
    expect(reply.error?.message).toMatch(/only be sent by the extension's own pages/);
    expect(seen).toEqual([]);
  });

  test('the same message from an extension page is answered', async () => {
    await expect(send('editor/insert', { tabId: 7, insert: { kind: 'position', id: 'p', variant: 'plain' } }, PAGE)).resolves.toMatchObject({ ok: true });
    expect(seen).toEqual([expect.objectContaining({ fromExtensionPage: true })]);
  });

  test('another extension’s or a stranger’s message is left alone', async () => {
    await expect(send('editor/insert', { tabId: 7, insert: { kind: 'position', id: 'p', variant: 'plain' } }, { ...PAGE, id: 'other-extension' })).resolves.toBe('ignored');
  });
});
