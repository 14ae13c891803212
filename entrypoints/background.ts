import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundledLibrary from '../data/library/generated/library.json';
import { openLibraryDb } from '../data/library/db';
import type { Library } from '../data/library/schema';
import { createLibraryService } from '../data/service';
import { createEditorRelay } from '../utils/background/createEditorRelay';
import { createOutlineInsert } from '../utils/background/insertOutline';
import { sessionStore } from '../utils/background/sessionStore';
import { servePanels } from '../utils/background/servePanels';
import { createSearchHandoff, serveShortcuts } from '../utils/background/serveShortcuts';
import { createPageBridge } from '../utils/background/pageBridge';
import { createSiteAccess } from '../utils/background/siteAccess';
import { senderSiteUrl } from '../utils/background/sitePattern';
import type { MessageContext } from '../data/protocol';
import { sendToFrame, serveMessages } from '../utils/messaging';
import { announceLibraryUpdated } from '../utils/libraryUpdates';

/**
 * The background owns the library (it installs the bundled one and answers every message) and
 * relays between the page and the side panel: paragraphs in, inserts out to the focused frame;
 * the selection menu and the keyboard shortcut open the panel.
 */
export default defineBackground(() => {
  const service = createLibraryService(openLibraryDb(), bundledLibrary as unknown as Library);
  const sites = createSiteAccess();
  const accepts = (context: MessageContext) => sites.isActive(senderSiteUrl(context));
  const relay = createEditorRelay({
    insertInFrame: (tabId, frameId, text, unlessPresent) => sendToFrame(tabId, frameId, 'content/insert', unlessPresent === undefined ? { text } : { text, unlessPresent }),
    compose: service.compose,
    accepts,
    store: sessionStore('relay'),
  });
  const handoff = createSearchHandoff();
  browser.runtime.onInstalled.addListener(() => {
    service.ensureInstalled().catch((error: unknown) => console.error('Positions: installing the bundled library failed.', error));
  });
  const outlines = createOutlineInsert({ library: async () => (await service.ensureEngine()).library, insert: relay.handlers['editor/insert'] });
  // Once the engine follows a change an extension page made, the pages open meanwhile read the library again.
  const libraryChanged = async () => {
    await service.handlers['library/changed']();
    announceLibraryUpdated();
  };
  serveMessages({ ...service.handlers, 'library/changed': libraryChanged, ...relay.handlers, ...outlines, ...sites.handlers, ...handoff.handlers, ...createPageBridge(accepts) });
  servePanels(relay);
  serveShortcuts(handoff);
  sites.listen();
  sites.sync().catch((error: unknown) => console.warn('Positions: checking the sites turned on failed.', error));
  // The demo build (npm start) has no popup: its toolbar icon opens the side panel in one click.
  if (!browser.runtime.getManifest().action?.default_popup) {
    browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => console.warn('Positions: opening the panel from the icon failed.', error));
  }
});
