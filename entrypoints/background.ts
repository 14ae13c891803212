import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundledLibrary from '../data/generated/library.json';
import { openLibraryDb } from '../data/db';
import type { Library } from '../data/schema';
import { createLibraryService } from '../data/service';
import { serveMessages } from '../utils/messaging';

/** The background owns the library: it installs the bundled one and answers every message. */
export default defineBackground(() => {
  const service = createLibraryService(openLibraryDb(), bundledLibrary as Library);
  browser.runtime.onInstalled.addListener(() => {
    service.ensureInstalled().catch((error: unknown) => console.error('Positions: installing the bundled library failed.', error));
  });
  serveMessages(service.handlers);
});
