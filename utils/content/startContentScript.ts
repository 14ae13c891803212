/**
 * Wires `watchEditors` to the extension: paragraphs go to the background (and only there), inserts
 * come from it. Guards against a second copy (the background injects the script into open tabs when
 * the user turns a site on).
 */
import type { Paragraph } from '../../data/protocol';
import { sendMessage, serveContentMessages } from '../messaging';
import { watchEditors } from './watchEditors';

const STARTED = Symbol.for('positions.content');

export function startContentScript(win: Window & typeof globalThis = window): void {
  const scope = win as unknown as Record<symbol, boolean>;
  if (scope[STARTED]) return;
  scope[STARTED] = true;

  const send = (promise: Promise<unknown>) =>
    promise.catch((error: unknown) => {
      // The extension was reloaded or removed: this copy of the script is orphaned, so it stops.
      if (String(error).includes('Extension context invalidated')) watcher.stop();
    });
  const watcher = watchEditors(win, {
    paragraph: (paragraph: Paragraph) => void send(sendMessage('editor/paragraph', paragraph)),
    left: () => void send(sendMessage('editor/left', undefined)),
  });
  serveContentMessages({
    'content/insert': ({ text }) => watcher.insert(text),
  });
}
