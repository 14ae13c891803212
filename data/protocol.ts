/**
 * Every message an extension page or content script can send to the background, in one map:
 * the message type, what it carries and what it answers. Pure types; the runtime wiring is in
 * `utils/messaging.ts` (senders) and `entrypoints/background.ts` (handlers).
 *
 * To add a message: add an entry here, then TypeScript refuses to build until the background
 * service (`data/service.ts`) handles it.
 */
import type { MatchResult } from './engine/match';
import type { AuthorId, Measure, Position, Source, Theme } from './library/schema';
import type { SearchQuery, SearchResult } from './engine/search';
import type { WithDivergence } from './engine/divergence';
import type { InsertRequest } from './library/composeInsert';
import type { Outline } from './library/outline';
import type { Story } from './library/story';

export type { InsertRequest, MatchResult, Outline, SearchQuery, Story };

/** A match result, with where the paragraph departs from its wording when it does (issue 14). */
export type Suggestion = WithDivergence<MatchResult>;

/** A page of hits, the total, the measures a reference named (see `data/engine/search.ts`). */
export type SearchResponse = SearchResult;

export interface MeasureEntry extends Measure {
  /** Positions tagged with the measure: all, and the Collectif's or its members' own. */
  count: number;
  ours: number;
}

export interface Catalog {
  sources: Source[];
  measures: MeasureEntry[];
  themes: (Theme & { count: number })[];
}

export interface ProtocolMap {
  /** What the library holds: its sources with their number of positions, and totals. */
  'library/summary': { request: void; response: LibrarySummary };
  /** The positions worth offering for a paragraph being written, best first; [] when off-topic. */
  'library/match': { request: { text: string; k?: number }; response: Suggestion[] };
  /** A look-up from the panel's search box or its browse-by-measure view. */
  'library/search': { request: SearchQuery; response: SearchResponse };
  /** The search box was focused: the library is read for look-ups now, while the user types (no answer). */
  'library/prepareSearch': { request: void; response: void };
  /** Sources, measures (with counts and CNCDH status) and themes, to browse and to cite. */
  'library/catalog': { request: void; response: Catalog };
  /** Whether the stored library could be used as it is, for the panel to say when it could not. */
  'library/status': { request: void; response: LibraryStatus };
  /** An extension page changed the stored library (import, removal, edit, hide): the index must follow. */
  'library/changed': { request: void; response: void };

  /** A measure's or theme's story: every passage on it by date, context labelled (issue 14). */
  'library/story': { request: { key: string; with?: string }; response: Story };
  /** The letter outline of measures in the order given, as « Copier » gives it (issue 14). */
  'library/outline': { request: { measures: string[]; with?: string }; response: Outline };

  // --- The page side (issue 5). Content script → background. ---
  /** The paragraph around the caret changed (debounced; never sent when unchanged). */
  'editor/paragraph': { request: Paragraph; response: void };
  /** The user left the editable (focus went elsewhere in the same page, or the page is going away). */
  'editor/left': { request: void; response: void };
  /**
   * Install the page-world bridge in the sender's frame, listening on `channel` (a random name the
   * content script picked; see `utils/content/callPageBridge.ts`). True once installed.
   */
  'editor/bridge': { request: { channel: string }; response: boolean };

  // --- Extension pages (side panel, popup) → background. Refused from content scripts. ---
  /**
   * Insert at the caret of the editor the user was writing in, in tab `tabId`. The request names
   * *what* (a position and a variant); the background composes the text from the library and
   * refuses the government's and the CNCDH's words (`data/library/composeInsert.ts`).
   * `unlessPresent`: the wording to look for first in the paragraph at the caret, read by the page at that
   * moment; when it is there, nothing is inserted and the answer is `already-present` (the panel then asks).
   */
  'editor/insert': { request: { tabId: number; insert: InsertRequest; unlessPresent?: string }; response: InsertResult };
  /**
   * « Insérer la trame »: the background composes the outline of `measures` from the library (the
   * panel sends keys, never text) and inserts it like a single position (`editor/insert` with
   * `{ kind: 'outline' }`).
   */
  'editor/insertOutline': { request: { tabId: number; measures: string[]; with?: string }; response: InsertResult };
  /** The current paragraph of a tab, for a panel opened after the user started writing. */
  'panel/state': { request: { tabId: number }; response: PanelState };
  /**
   * The look-up the selection menu (« Chercher « … » dans les positions ») left for the panel of
   * window `windowId`, taken once; `undefined` when there is none. See `PanelSearchReady`.
   */
  'panel/takeSearch': { request: { windowId?: number }; response: PendingSearch | undefined };
  /** Whether the assistant runs on the site of `url` (see `SiteStatus`). */
  'site/status': { request: { url: string; tabId?: number }; response: SiteStatus };
  /**
   * Turns the assistant on for the site of `url` (its host permission must already be granted:
   * the page calls `permissions.request` in the click handler) and starts it in tab `tabId`.
   */
  'site/enable': { request: { url: string; tabId?: number; frames?: string[] }; response: SiteStatus };
  /** Turns it off again and gives the host permission back. */
  'site/disable': { request: { url: string }; response: SiteStatus };
}

/** The messages the background answers itself without the library (browser-side handlers in `utils/`). */
export type PageMessageType = Extract<MessageType, `editor/${string}` | `panel/${string}` | `site/${string}`>;
/** The messages only extension pages may send: a content script asking for them is refused. */
export const EXTENSION_PAGE_ONLY: readonly MessageType[] = [
  'editor/insert',
  'editor/insertOutline',
  'panel/state',
  'panel/takeSearch',
  'site/status',
  'site/enable',
  'site/disable',
  // A web page's script could reach a content script; the library itself is only for the extension's pages.
  'library/match',
  'library/search',
  'library/prepareSearch',
  'library/catalog',
  'library/story',
  'library/outline',
  'library/status',
  'library/changed',
];

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

/** Who sent a message, as the browser reports it (never as the message claims). */
export interface MessageContext {
  /** The sender's tab, for a content script (and for an extension page opened in a tab). */
  tabId?: number;
  /** The sender's frame in that tab: 0 for the top frame. */
  frameId?: number;
  url?: string;
  /** The sender frame's origin, where the browser gives it (Chrome): an about:blank frame has its creator's. */
  origin?: string;
  /** The sender's tab's address, where the extension may read it (a site it runs on). */
  tabUrl?: string;
  /** True for the extension's own pages (side panel, popup, options), false for content scripts. */
  fromExtensionPage: boolean;
}

/**
 * Background → content script, sent with `tabs.sendMessage(tabId, …, { frameId })` to the one
 * frame that had focus (broadcasting to every frame would land an insert in the wrong editor).
 */
export interface ContentProtocolMap {
  /** Insert `text` at the remembered caret of the editable, then read the editor back. */
  'content/insert': { request: { text: string; unlessPresent?: string }; response: InsertResult };
  /** The site was turned off: stop reading and sending, at once, in this frame. */
  'content/stop': { request: void; response: void };
}
export type ContentMessageType = keyof ContentProtocolMap;
export interface ContentEnvelope<K extends ContentMessageType = ContentMessageType> {
  channel: 'positions';
  type: K;
  request: ContentProtocolMap[K]['request'];
}

/** Editor families the content script recognises, by their DOM (see `utils/editors/`). */
export type EditorKind =
  | 'textarea'
  | 'input'
  | 'contenteditable'
  | 'prosemirror'
  | 'ckeditor5'
  | 'ckeditor4'
  | 'quill'
  | 'lexical'
  | 'slate'
  | 'trix'
  | 'jodit'
  | 'summernote'
  | 'codemirror'
  | 'codemirror5'
  | 'tinymce'
  | 'etherpad'
  | 'gmail'
  | 'outlook'
  | 'word'
  | 'gdocs';

/** Web applications named in the panel by their own name (Gmail and Outlook are editor kinds: their editors are their own). */
export type WebApp = 'roundcube';

/** The text being written, as the content script reads it. */
export interface Paragraph {
  /** The block holding the caret, trimmed; may be empty (an empty line, a fresh editor). */
  text: string;
  /** The neighbouring paragraph when `text` is short (under ~60 characters), for context. */
  context?: string;
  editor: EditorKind;
  /**
   * The web application the editor is part of, when the page says so: the panel names it rather than
   * its editor (« Vous écrivez dans Roundcube », not « zone de texte » or « TinyMCE »).
   */
  app?: WebApp;
  /** The page (top frame) address and title, for the panel to say where the user is writing. */
  url: string;
  title: string;
  /**
   * How the text was obtained when it is not the paragraph at the caret: `selection` on Google Docs
   * without its annotated-text mode (only what the user selected can be read there).
   */
  from?: 'caret' | 'selection';
}

/** A paragraph with where it came from, as the background keeps it (the latest one per tab). */
export interface FocusedParagraph extends Paragraph {
  tabId: number;
  frameId: number;
  /** `Date.now()` when the background received it. */
  receivedAt: number;
}

export interface PanelState {
  paragraph?: FocusedParagraph;
}

/**
 * How an insertion went, checked by reading the editor back afterwards.
 * `undoable: false` means it went in by a path the editor's Ctrl+Z does not cover (e.g. setRangeText).
 */
export type InsertResult =
  | { ok: true; strategy: InsertStrategy; undoable: boolean; /** Google Docs: the editor took it, but cannot be read back. */ unverified?: true }
  | { ok: false; reason: InsertFailure; detail?: string };
export type InsertStrategy = 'execCommand' | 'paste' | 'editor-api' | 'setRangeText';
export type InsertFailure =
  /** No editor was focused in that tab (or the background restarted since). */
  | 'no-editor'
  /** The frame that had the editor is gone (page reloaded or closed). */
  | 'frame-gone'
  /** The editable the caret was in is no longer in the page. */
  | 'editor-gone'
  /** Every way in was tried and reading the editor back does not show the text. */
  | 'not-inserted'
  /** Reading the editor back shows the text more than once: something inserted it twice. */
  | 'inserted-twice'
  /** Read-only field, or an editor that cannot be written from outside (Google Docs, Word for the web). */
  | 'unsupported'
  /** Asked with `unlessPresent`: the paragraph at the caret already holds that wording; nothing was inserted. */
  | 'already-present';

/** Messages on the `panel` port (`runtime.connect({ name: PANEL_PORT })`). */
export const PANEL_PORT = 'panel';
/** Panel → background: follow this tab (sent again to follow another). */
export interface PanelFollow {
  type: 'follow';
  tabId: number;
}
/** Background → panel: the followed tab's paragraph changed; `undefined` when the user left the editor. */
export interface PanelParagraph {
  type: 'paragraph';
  tabId: number;
  paragraph?: FocusedParagraph;
}

/** A look-up handed from the selection menu to the side panel. */
export interface PendingSearch {
  text: string;
  windowId?: number;
}
/**
 * Background → extension pages (`runtime.sendMessage`): a look-up is waiting. An open panel then
 * asks `panel/takeSearch`; a panel still opening asks anyway when it starts.
 */
export interface PanelSearchReady {
  channel: 'positions';
  type: 'panel/searchReady';
  windowId?: number;
}

/**
 * Background → extension pages (`runtime.sendMessage`): the stored library changed (a report imported, a source
 * hidden or removed, labels corrected) and the engine follows it. An open panel, popup or options page reads again
 * what it loaded once: the catalog (every card's citation, the search's filters), the totals.
 */
export interface LibraryUpdated {
  channel: 'positions';
  type: 'library/updated';
}

/**
 * Where the assistant runs: `builtin` on the webmails and editors it knows (Gmail, Outlook on the web,
 * Google Docs, Word for the web), `enabled` on a site the user turned it on for (Roundcube, Etherpad,
 * Nextcloud… at any address), `disabled` elsewhere, `unsupported` on pages no extension may touch
 * (browser pages, the web store, local files).
 */
export interface SiteStatus {
  state: 'builtin' | 'enabled' | 'disabled' | 'unsupported';
  /** The match pattern for the site, e.g. `https://mail.example.org/*`. */
  pattern?: string;
  /**
   * The sites of the page's cross-origin editor frames (CryptPad's sandbox domain), as patterns:
   * while off, the ones « Activer sur ce site » turns on with the page (found in tab `tabId`); while
   * on, the ones turned on with it.
   */
  frames?: string[];
}

/** The background's answer: a value, or an error serialised so the sender can show it. */
export type Reply<K extends MessageType = MessageType> =
  | { ok: true; value: ResponseOf<K> }
  | { ok: false; error: { name: string; message: string } };

/**
 * How the stored library was read: `ok`; `repaired` when malformed bundled rows were rewritten from
 * the bundle; `fallback` when the database could not be read at all and the bundled library (in
 * memory, without the user's imports) stands in. `unreadable`: stored rows left out because they
 * are malformed and the bundle has no good copy (kept in the database, never deleted).
 */
export interface LibraryStatus {
  storage: 'ok' | 'repaired' | 'fallback';
  unreadable: number;
  repaired: number;
  /** The error, for the console and bug reports (not shown as such to users). */
  detail?: string;
}

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
