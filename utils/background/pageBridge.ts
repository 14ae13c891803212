/**
 * `editor/bridge`: a content script asks for the page-world bridge (`utils/content/pageBridgeMain.ts`)
 * in its own frame, under the channel name it picked. The frame is the one the browser says the
 * message came from, never one named in the message.
 */
import { browser } from 'wxt/browser';
import type { MessageContext } from '../../data/protocol';
import type { Handlers } from '../../data/service';
import { pageBridgeMain } from '../content/pageBridgeMain';

export type PageBridgeHandlers = Pick<Handlers, 'editor/bridge'>;

/** Long enough to be unguessable, short and plain enough to be an event name. */
const CHANNEL = /^p[0-9a-f]{32}$/;

/** `accepts`: whether the assistant runs where the request comes from (not on a site turned off). */
export function createPageBridge(accepts: (context: MessageContext) => Promise<boolean>): PageBridgeHandlers {
  return {
    'editor/bridge': async ({ channel }, context) => {
      const { tabId, frameId } = context;
      if (tabId === undefined || frameId === undefined) throw new Error('Positions: "editor/bridge" must come from a content script in a tab.');
      if (typeof channel !== 'string' || !CHANNEL.test(channel)) throw new Error('Positions: "editor/bridge" needs a channel name made by callPageBridge.');
      if (!(await accepts(context))) return false;
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, world: 'MAIN', func: pageBridgeMain, args: [channel] });
      return true;
    },
  };
}
