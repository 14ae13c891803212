/**
 * The page-world half of `callPageBridge.ts`: the few calls that need the editors' own objects
 * (Etherpad's ace, TinyMCE's undo manager, CKEditor 4's and 5's instances, Slate's, Trix's and CodeMirror 5's editors,
 * Summernote's history, Google Docs' annotated text).
 *
 * The background injects it with `scripting.executeScript({ world: 'MAIN', func: pageBridgeMain,
 * args: [channel] })` into the one frame whose content script asks (`editor/bridge`), so:
 * - it leaves nothing in the page: no global, no <script>, no attribute; its listener is named by
 *   `channel`, a random name only the content script and the background know, so the page can
 *   neither see that the extension is there nor forge a request (issue 12 item 5);
 * - a second injection (a site turned on, off and on again) has another channel and never answers
 *   the first one's requests: one click, one insert (issue 12 item 1).
 *
 * `func` is serialised by the browser: this function must not use anything from outside its own
 * body (no imports, no module constants).
 */
export function pageBridgeMain(channel: string): void {
  type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- foreign editors' globals
  const win = window as Window & typeof globalThis;
  const doc = win.document;
  const REQUEST = `${channel}:q`;
  const REPLY = `${channel}:r`;

  /** The first value `pick` finds in this window or an ancestor (same-origin only). */
  const findUp = (pick: (w: Loose) => unknown): unknown => {
    for (let w: Window = win; ; w = w.parent) {
      try {
        const found = pick(w as unknown as Loose);
        if (found) return found;
      } catch {
        return undefined; // a cross-origin ancestor: stop there
      }
      if (w === w.parent) return undefined;
    }
  };

  /** CodeMirror 5 keeps its instance on its `.CodeMirror` element. */
  const codeMirror5Of = (target: Element) => (target.closest('.CodeMirror') as Loose | null)?.CodeMirror as Loose | undefined;

  const run = async (op: string, text: string, target: Element): Promise<unknown> => {
    switch (op) {
      case 'ping':
        return true;
      case 'etherpad-insert': {
        // Etherpad's editor object lives in the pad's top page, two frames above #innerdocbody. Etherpad
        // 1.8 keeps `padeditor` inside its module system (no global): it is reached through the pad
        // page's own `require`, already loaded by pad.js. Only in the pad page (it has the `pad` and
        // `padeditbar` globals): the ace frames' own `require` would load a second, empty copy from the
        // server. A `padeditor` global (plugins, other versions) is taken first; Etherpad 2, through its toolbar.
        const ace = findUp((w) => {
          if (w.padeditor?.ace) return w.padeditor.ace;
          if (!w.pad || !w.padeditbar) return undefined;
          if (typeof w.require === 'function') {
            try {
              const found = w.require('ep_etherpad-lite/static/js/pad_editor')?.padeditor?.ace;
              if (found) return found;
            } catch {
              // Etherpad 2: no module system left in the page (below).
            }
          }
          // Etherpad 2 bundles its modules: no `require`, no `padeditor` global. Its toolbar (`padeditbar`,
          // still global in 1.8 and 2.x) hands the editor to every command it runs: a command of one call,
          // registered under this bridge's private name and removed at once, takes it.
          const bar = w.padeditbar as Loose;
          if (typeof bar.registerCommand !== 'function' || typeof bar.triggerCommand !== 'function' || typeof bar.commands !== 'object') return undefined;
          const name = `${channel}:ace`;
          let taken: unknown;
          bar.registerCommand(name, (_cmd: string, editor: unknown) => {
            taken = editor;
          });
          try {
            bar.triggerCommand(name);
          } finally {
            delete bar.commands[name];
          }
          return taken;
        }) as Loose | undefined;
        if (!ace) return undefined;
        ace.callWithAce(
          (inner: Loose) => {
            const rep = inner.ace_getRep();
            inner.ace_replaceRange(rep.selStart, rep.selEnd, text);
          },
          'positionsInsert',
          true,
        );
        return true;
      }
      case 'ckeditor-insert': {
        // CKEditor 5 keeps its instance on the editable element (`ckeditorInstance`).
        const editor = (target.closest('.ck-editor__editable') as Loose | null)?.ckeditorInstance as Loose | undefined;
        const command = editor?.commands?.get('insertText') as Loose | undefined;
        if (!editor || !command?.isEnabled || editor.isReadOnly) return undefined;
        // Its insertText command writes into the typing's own undo step (its change buffer, one step per
        // 20 characters typed): one Ctrl+Z would take « pour les victimes. » with the insert. A change of
        // its own is a step of its own, and closes the typing's step (Firefox comes here: its scripted
        // paste carries nothing).
        const model = editor.model as Loose | undefined;
        if (typeof model?.enqueueChange === 'function' && typeof model.insertContent === 'function' && typeof model.createBatch === 'function') {
          model.enqueueChange(model.createBatch(), (writer: Loose) => {
            model.insertContent(writer.createText(text, model.document.selection.getAttributes()));
          });
        } else editor.execute('insertText', { text });
        return true;
      }
      case 'ckeditor4-insert': {
        // CKEditor 4 (CryptPad's rich text): the `CKEDITOR` global lives in the page around the editor's
        // iframe (or in this page for an inline editor); the instance is the one whose editable is ours.
        const editable = target.closest('.cke_editable');
        const ckeditor = findUp((w) => (w.CKEDITOR?.instances ? w.CKEDITOR : undefined)) as Loose | undefined;
        const editor = (Object.values(ckeditor?.instances ?? {}) as Loose[]).find((candidate) => candidate.editable?.()?.$ === editable);
        if (!ckeditor || !editor || editor.readOnly || editor.mode !== 'wysiwyg') return undefined;
        // Its undo manager snapshots typing every 25 keystrokes; its insertHtml saves a snapshot of what
        // the user typed first and another after the text: Ctrl+Z takes away the insert alone. The text
        // is made HTML as its insertText makes it (escaped, line breaks as its Enter makes them), except
        // the joining space, kept a plain space: insertText would store it as &nbsp; (no line break there).
        const lead = /^ */.exec(text)?.[0] ?? '';
        const inPre = editor.getSelection()?.getStartElement()?.hasAscendant('pre', true);
        const html = ckeditor.tools.transformPlainTextToHtml(text.slice(lead.length), inPre ? ckeditor.ENTER_BR : editor.activeEnterMode);
        editor.insertHtml(lead + html, 'text');
        return true;
      }
      case 'copy': {
        // Google Docs' selected text, as Ctrl+C gets it (readParagraph.ts), read from the event's own
        // clipboardData: Firefox gives a synthetic event a DataTransfer of its own.
        const event = new ClipboardEvent('copy', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true, composed: true });
        target.dispatchEvent(event);
        return event.clipboardData?.getData('text/plain') ?? '';
      }
      case 'paste': {
        // A synthetic paste, made in the page's own world: Firefox hands an event made in a content
        // script to the page's listeners with its clipboardData hidden behind Xray wrappers.
        const data = new DataTransfer();
        data.setData('text/plain', text);
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
        // Firefox gives a synthetic paste an empty clipboardData of its own, whatever it was made with, but
        // one that can still be written before the event is sent: the text goes there. Should that fail
        // too, say so instead of sending an empty paste.
        if (event.clipboardData && event.clipboardData.getData('text/plain') !== text) {
          try {
            event.clipboardData.setData('text/plain', text);
          } catch {
            // read-only: reported just below
          }
        }
        if (event.clipboardData?.getData('text/plain') !== text) return { handled: false, empty: true };
        const anchor = target.ownerDocument.getSelection()?.anchorNode;
        const at = anchor && target.contains(anchor) ? (anchor instanceof Element ? anchor : anchor.parentElement) : target;
        (at ?? target).dispatchEvent(event);
        return { handled: event.defaultPrevented };
      }
      case 'tinymce-insert': {
        // TinyMCE groups everything typed since the last undo level into one: save a level first, so
        // that Ctrl+Z takes away the insertion alone, then insert through the native path as one step.
        const body = target.closest('body');
        // The page around the editor's iframe has `tinymce`, one frame up. (In the iframe itself,
        // `window.tinymce` is its <body id="tinymce">, by named access: hence the check for `get`.)
        const tinymce = findUp((w) => (typeof w.tinymce?.get === 'function' ? w.tinymce : undefined)) as Loose | undefined;
        const editor = ((tinymce?.get() ?? []) as Loose[]).find((candidate) => candidate.getBody?.() === body);
        if (!editor) return undefined;
        editor.undoManager.add();
        editor.undoManager.transact(() => editor.getDoc().execCommand('insertText', false, text));
        return true;
      }
      case 'slate-insert': {
        // Slate keeps the document in its own model and reverts any DOM change it did not make. Its
        // editor object is the `editor` prop of slate-react's <Slate>, found up the React fiber of the
        // editable (`__reactFiber$…` since React 17, `__reactInternalInstance$…` before): Slate has no
        // global and no property on its element.
        const root = target.closest('[data-slate-editor]') as Loose | null;
        const key = root ? Object.keys(root).find((k) => k.startsWith('__reactFiber$') || k.startsWith('__reactInternalInstance$')) : undefined;
        let editor: Loose | undefined;
        for (let fiber = key ? root?.[key] : undefined; fiber && !editor; fiber = fiber.return) {
          const candidate = fiber.memoizedProps?.editor as Loose | undefined;
          if (candidate && Array.isArray(candidate.children) && typeof candidate.apply === 'function' && typeof candidate.insertData === 'function') editor = candidate;
        }
        if (!editor?.selection) return undefined;
        // slate-history puts an insert that continues the text just typed into the same undo step as
        // that typing, however long ago it was: one Ctrl+Z would take the user's sentence with it. The
        // insert gets its own step, as HistoryEditor.withNewBatch would give it (its flags are private
        // to slate-history): the operations it added to the last step move to a step of their own.
        const undos = editor.history?.undos as Array<{ operations: unknown[]; selectionBefore: unknown }> | undefined;
        const last = Array.isArray(undos) ? undos[undos.length - 1] : undefined;
        const steps = undos?.length ?? 0;
        const kept = Array.isArray(last?.operations) ? last.operations.length : 0;
        const selectionBefore = editor.selection;
        // Through the editor's own paste path (slate-dom's insertData): the app's plugins see it as a
        // plain-text paste, and each line of the text becomes a paragraph.
        const data = new DataTransfer();
        data.setData('text/plain', text);
        editor.insertData(data);
        if (undos && last && undos.length === steps && last.operations.length > kept) undos.push({ operations: last.operations.splice(kept), selectionBefore });
        return true;
      }
      case 'trix-insert': {
        // Trix (Basecamp, HEY, many Rails apps) keeps its editor on its <trix-editor> element. All typing
        // since the caret last moved is one consolidated « Typing » undo entry, which execCommand's text
        // would join: an entry of its own first (not consolidatable), then the text at Trix's selection.
        const editor = (target.closest('trix-editor') as Loose | null)?.editor as Loose | undefined;
        if (typeof editor?.insertString !== 'function' || typeof editor.recordUndoEntry !== 'function') return undefined;
        editor.recordUndoEntry('Positions');
        editor.insertString(text);
        return true;
      }
      case 'summernote-insert': {
        // Summernote keeps its context in jQuery's data of the original field (`$note.data('summernote')`),
        // the element its `.note-editor` comes right after; its history is the editor module's.
        const editable = target.closest('.note-editable');
        const noteEditor = editable?.closest('.note-editor');
        const jQuery = findUp((w) => (typeof w.jQuery === 'function' ? w.jQuery : undefined)) as ((el: Element) => Loose) | undefined;
        const original = noteEditor?.previousElementSibling;
        const context = jQuery && original ? (jQuery(original).data('summernote') as Loose | undefined) : undefined;
        const history = context?.modules?.editor?.history as Loose | undefined;
        if (!editable || context?.layoutInfo?.editable?.[0] !== editable || typeof history?.recordUndo !== 'function' || context.isDisabled?.()) return undefined;
        // Its Ctrl+Z records the current text when it differs from the last snapshot, then goes back
        // one: a snapshot of what the user typed, then the native insert, makes the insert one step.
        history.recordUndo();
        editable.ownerDocument.execCommand('insertText', false, text);
        return true;
      }
      case 'codemirror5-read': {
        // Its text is in its model (the page draws only the lines in view), the caret is its cursor.
        const cm = codeMirror5Of(target);
        if (typeof cm?.getValue !== 'function') return undefined;
        return { text: String(cm.getValue()), caret: Number(cm.indexFromPos(cm.getCursor('head'))) };
      }
      case 'codemirror5-insert': {
        // Its history joins changes of the same origin made close together: a generation split before the
        // insert (and after it, for the typing that follows) makes it one undo step of its own.
        const cm = codeMirror5Of(target);
        if (typeof cm?.replaceSelection !== 'function' || cm.getOption('readOnly')) return undefined;
        const history = cm.getDoc();
        history.changeGeneration(true);
        cm.replaceSelection(text, 'end', '+positions');
        history.changeGeneration(true);
        cm.focus();
        return true;
      }
      case 'gdocs-read': {
        // Only present when Docs runs in its "annotated canvas" mode (see README: Google Docs).
        const getAnnotatedText = findUp((w) => (typeof w._docs_annotate_getAnnotatedText === 'function' ? w._docs_annotate_getAnnotatedText : undefined));
        if (typeof getAnnotatedText !== 'function') return undefined;
        const annotated = (await getAnnotatedText()) as Loose | undefined;
        if (typeof annotated?.getText !== 'function') return undefined;
        const selection = annotated.getSelection?.()?.[0] as { start?: number; end?: number } | undefined;
        return { text: String(annotated.getText()), start: selection?.start ?? null };
      }
      default:
        return undefined;
    }
  };

  const onRequest = (event: Event) => {
    const target = event.target as Element;
    let request: { id?: unknown; op?: unknown; text?: unknown };
    try {
      request = JSON.parse(String((event as CustomEvent<unknown>).detail)) as typeof request;
    } catch {
      return;
    }
    if (typeof request?.id !== 'string' || typeof request.op !== 'string') return;
    // One answer per request: Firefox could run a bridge twice in one frame (an about:srcdoc frame such
    // as Etherpad's), and the second listener would insert the text again.
    event.stopImmediatePropagation();
    const id = request.id;
    const reply = (body: { result?: unknown; error?: string }) => target.dispatchEvent(new CustomEvent(REPLY, { detail: JSON.stringify({ id, ...body }) }));
    run(request.op, typeof request.text === 'string' ? request.text : '', target).then(
      (result) => reply({ result }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const listen = () => doc.addEventListener(REQUEST, onRequest, true); // a no-op when already listening
  listen();
  // Editors that build their iframe with document.open()/write() (Etherpad's ace frames) erase every
  // listener of that document, after this script started there. The document's own children are
  // replaced then: listen again. Observing only the document's direct children costs nothing while typing.
  new MutationObserver(listen).observe(doc, { childList: true });
}
