/**
 * « Insérer la trame » (issue 14): the background composes the letter outline from the library and
 * sends it through the same insert path as a single position, so one Ctrl+Z removes it. The panel
 * sends measure keys, never text: what goes into the letter is always the library's wording.
 * Browser-free (the library and the relay are passed in), so it is unit-tested in node.
 */
import { outline } from '../../data/library/outline';
import type { Library } from '../../data/library/schema';
import type { Handlers } from '../../data/service';
import type { EditorRelayHandlers } from './createEditorRelay';

export function createOutlineInsert(deps: { library: () => Promise<Library>; insert: EditorRelayHandlers['editor/insert'] }): Pick<Handlers, 'editor/insertOutline'> {
  return {
    'editor/insertOutline': async ({ tabId, measures, with: who }, context) => {
      if (!Array.isArray(measures)) throw new Error('Positions: "editor/insertOutline" needs the measures of the outline.');
      const text = outline(await deps.library(), measures, { with: who }).text.trimEnd();
      return deps.insert({ tabId, text }, context);
    },
  };
}
