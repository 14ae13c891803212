/**
 * « Insérer la trame » (issue 14): the background composes the letter outline from the library and
 * sends it through the same insert path as a single position, so one Ctrl+Z removes it. The panel
 * sends measure keys, never text: what goes into the letter is always the library's wording.
 * Browser-free (the library and the relay are passed in), so it is unit-tested in node.
 */
import { composeInsert, type InsertRequest } from '../../data/library/composeInsert';
import type { Library } from '../../data/library/schema';
import type { Handlers } from '../../data/service';
import type { EditorRelayHandlers } from './createEditorRelay';

export function createOutlineInsert(deps: { library: () => Promise<Library>; insert: EditorRelayHandlers['editor/insert'] }): Pick<Handlers, 'editor/insertOutline'> {
  return {
    'editor/insertOutline': async ({ tabId, measures, with: who }, context) => {
      if (!Array.isArray(measures)) throw new Error('Positions: "editor/insertOutline" needs the measures of the outline.');
      const insert: InsertRequest = { kind: 'outline', measures, with: who };
      composeInsert(await deps.library(), insert); // an unknown measure is refused here, before anything is sent
      // The relay composes it again from the library, as for a single position: no text crosses a message.
      return deps.insert({ tabId, insert }, context);
    },
  };
}
