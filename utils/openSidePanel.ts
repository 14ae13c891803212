import { browser } from 'wxt/browser';

/**
 * Opens the Positions panel next to the page. Must run inside a click handler: both browsers
 * only open a panel in response to a user gesture, so nothing may be awaited before the call.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  // Firefox: the same page is declared as `sidebar_action`.
  const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebarAction) return sidebarAction.open();
  if (browser.sidePanel && windowId !== undefined) return browser.sidePanel.open({ windowId });
  return Promise.reject(new Error('Positions: this browser offers no side panel API.'));
}

/** The window the popup belongs to, fetched ahead of the click (see `openSidePanel`). */
export async function currentWindowId(): Promise<number | undefined> {
  return (await browser.windows.getCurrent()).id;
}

/**
 * The keyboard shortcut that opens the panel, as the browser has it (the user may have changed or
 * removed it: chrome://extensions/shortcuts, about:addons); `undefined` when there is none.
 */
export async function panelShortcut(): Promise<string | undefined> {
  const commands = (await browser.commands?.getAll?.()) ?? [];
  const command = commands.find((c) => c.name === 'open-side-panel' || c.name === '_execute_sidebar_action');
  return command?.shortcut || undefined;
}
