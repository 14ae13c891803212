/**
 * The side panel's small browser-free parts: what its address asks for (`?tab=`, `?q=`), what a
 * paragraph is matched as, and the hand-off of selected words from the selection menu to the panel.
 */
import { describe, expect, test } from 'vitest';
import type { PanelSearchReady } from '../../data/protocol';
import { createSearchHandoff } from '../../utils/background/serveShortcuts';
import { matchText } from '../../components/useSuggestions';
import { createTabChooser, tabFromAddress } from '../../utils/followTab';
import { searchFromAddress } from '../../utils/pendingSearch';

describe('the panel’s address', () => {
  test.each([
    { why: 'a tab to follow, as the tests open it', search: '?tab=42', tab: 42 },
    { why: 'with other parameters', search: '?mode=search&tab=7', tab: 7 },
    { why: 'no tab: the active one', search: '', tab: undefined },
    { why: 'not a tab id', search: '?tab=abc', tab: undefined },
    { why: 'zero is no tab', search: '?tab=0', tab: undefined },
    { why: 'negative is no tab', search: '?tab=-3', tab: undefined },
  ])('tab — $why', ({ search, tab }) => {
    expect(tabFromAddress({ search })).toBe(tab);
  });

  test.each([
    { why: 'words to look up open search mode with them', search: '?q=d%C3%A9lai%20de%20r%C3%A9flexion', out: 'délai de réflexion' },
    { why: 'search mode without words', search: '?mode=search', out: '' },
    { why: 'blank words are no words', search: '?q=%20%20&mode=search', out: '' },
    { why: 'nothing: suggestions mode', search: '?tab=3', out: undefined },
  ])('search — $why', ({ search, out }) => {
    expect(searchFromAddress({ search })).toBe(out);
  });
});

describe('what a paragraph is matched as', () => {
  test('a paragraph alone', () => {
    expect(matchText({ text: 'Le délai de réflexion doit être porté à trois mois.' })).toBe('Le délai de réflexion doit être porté à trois mois.');
  });
  test('a short paragraph with its neighbour, as the page sends it', () => {
    expect(matchText({ text: 'Trois mois.', context: 'Le délai de réflexion de trente jours est trop court.' })).toBe('Le délai de réflexion de trente jours est trop court.\n\nTrois mois.');
  });
});

describe('selection menu → panel hand-off', () => {
  function setup() {
    let clock = 0;
    const told: PanelSearchReady[] = [];
    const handoff = createSearchHandoff({ now: () => clock, notify: async (ready) => void told.push(ready) });
    const take = (windowId?: number) => handoff.handlers['panel/takeSearch']({ windowId }, { fromExtensionPage: true });
    return { handoff, told, take, later: (ms: number) => (clock += ms) };
  }

  test('the words wait for the panel, are taken once, and an open panel is told', async () => {
    const { handoff, told, take } = setup();
    handoff.offer('  délai de réflexion  ', 3);
    expect(told).toEqual([{ channel: 'positions', type: 'panel/searchReady', windowId: 3 }]);
    await expect(take(3)).resolves.toEqual({ text: 'délai de réflexion', windowId: 3 });
    await expect(take(3)).resolves.toBeUndefined();
  });

  test('a panel in another window leaves them to its own', async () => {
    const { handoff, take } = setup();
    handoff.offer('mesure 5', 3);
    await expect(take(4)).resolves.toBeUndefined();
    await expect(take(3)).resolves.toMatchObject({ text: 'mesure 5' });
  });

  test('words nobody took are dropped after half a minute (the panel never opened)', async () => {
    const { handoff, take, later } = setup();
    handoff.offer('mesure 5', 3);
    later(31_000);
    await expect(take(3)).resolves.toBeUndefined();
  });

  test('a very long selection is cut', async () => {
    const { handoff, take } = setup();
    handoff.offer('x'.repeat(5000), 1);
    expect((await take(1))?.text).toHaveLength(2000);
  });

  test('no listener yet is not an error', () => {
    const handoff = createSearchHandoff({ notify: () => Promise.reject(new Error('Receiving end does not exist.')) });
    expect(() => handoff.offer('traite', 1)).not.toThrow();
  });
});

describe('which tab the panel follows across windows (a webmail’s pop-up compose window)', () => {
  // The panel's window is 1, its active tab 10 (the webmail); Roundcube's « Ouvrir dans une nouvelle
  // fenêtre » opens a pop-up window 2 whose tab 20 holds the message being written.
  const setUp = () => {
    const followed: Array<number | undefined> = [];
    const chooser = createTabChooser((tab) => followed.push(tab));
    chooser.start(1, 10);
    return { chooser, followed };
  };

  test('the pop-up is followed while the user writes there, and still when they click into the panel to insert', () => {
    const { chooser, followed } = setUp();
    chooser.focused({ id: 2, type: 'popup', activeTabId: 20 });
    chooser.focused({ id: 1 }, true);
    expect(followed).toEqual([10, 20]);
  });

  test('back to the page beside the panel, or to another tab of its window, the panel follows that page again', () => {
    const { chooser, followed } = setUp();
    chooser.focused({ id: 2, type: 'popup', activeTabId: 20 });
    chooser.focused({ id: 1 }, false);
    expect(chooser.target).toBe(10);
    chooser.focused({ id: 2, type: 'popup', activeTabId: 20 });
    chooser.activated(11, 1);
    expect(followed).toEqual([10, 20, 10, 20, 11]);
  });

  test('when the pop-up closes (the message is sent), the panel follows its window’s active tab again', () => {
    const { chooser, followed } = setUp();
    chooser.focused({ id: 2, type: 'popup', activeTabId: 20 });
    chooser.focused({ id: 1 }, true);
    chooser.removed(20);
    expect(followed).toEqual([10, 20, 10]);
  });

  test('another ordinary window has its own panel: focusing it changes nothing here; nor does focus leaving the browser', () => {
    const { chooser, followed } = setUp();
    chooser.focused({ id: 3, type: 'normal', activeTabId: 30 });
    chooser.focused(undefined);
    chooser.activated(31, 3);
    chooser.removed(30);
    expect(followed).toEqual([10]);
  });

  test('a tab switch inside the pop-up is followed; before the panel knows its window, it follows nothing but says so once', () => {
    const followed: Array<number | undefined> = [];
    const chooser = createTabChooser((tab) => followed.push(tab));
    chooser.start(undefined, undefined);
    chooser.start(undefined, undefined);
    expect(followed).toEqual([undefined]);
    const { chooser: other, followed: seen } = setUp();
    other.focused({ id: 2, type: 'popup', activeTabId: 20 });
    other.activated(21, 2);
    expect(seen).toEqual([10, 20, 21]);
  });
});
