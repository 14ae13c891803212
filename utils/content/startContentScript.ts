/**
 * Wires `watchEditors` to the extension: paragraphs go to the background (and only there), inserts
 * come from it. One running copy per frame: the background injects the script again into open tabs
 * when the user turns a site on, and a copy already running there is kept. When the site is turned
 * off (`content/stop`), the copy stops at once, and a later « Activer » starts a fresh one.
 */
import type { Paragraph } from '../../data/protocol';
import { sendMessage, serveContentMessages } from '../messaging';
import { watchEditors } from './watchEditors';

/** In the isolated world's global scope: invisible to the page. */
const RUNNING = Symbol.for('positions.content');

interface Running {
  stopped: boolean;
}

export function startContentScript(win: Window & typeof globalThis = window): void {
  const scope = win as unknown as Record<symbol, Running | undefined>;
  if (scope[RUNNING] && !scope[RUNNING].stopped) return;
  const running: Running = { stopped: false };
  scope[RUNNING] = running;

  const stop = () => {
    running.stopped = true;
    watcher.stop();
    stopAnswering();
  };
  const send = (promise: Promise<unknown>) =>
    promise.catch((error: unknown) => {
      // The extension was reloaded or removed: this copy of the script is orphaned, so it stops.
      if (String(error).includes('Extension context invalidated')) stop();
    });
  const watcher = watchEditors(win, {
    paragraph: (paragraph: Paragraph) => void send(sendMessage('editor/paragraph', paragraph)),
    left: () => void send(sendMessage('editor/left', undefined)),
  });
  const stopAnswering = serveContentMessages({
    'content/insert': async ({ text, unlessPresent }) => watcher.insert(text, unlessPresent),
    'content/stop': async () => stop(),
  });
}
