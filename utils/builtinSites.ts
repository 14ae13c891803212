/**
 * Where the assistant runs without being asked: the webmails and online editors the Collectif's
 * staff write in. Used for the manifest's content scripts (hence its host permissions) and by the
 * « Activer sur ce site » logic to tell a built-in site from one the user turned on.
 *
 * - Gmail: the compose window is part of the mail.google.com page.
 * - Outlook on the web: outlook.live.com (personal), outlook.office.com and outlook.office365.com (work).
 * - Google Docs: documents only (Sheets and Slides are not where letters are written).
 * - Word for the web: the editor is an iframe served from *.officeapps.live.com (word-edit… for
 *   OneDrive, regional hosts such as usc-word-edit… for SharePoint/Microsoft 365); the page around it
 *   (onedrive.live.com, *.sharepoint.com) holds no text, so it needs no access. Only Word's editor
 *   path (`/we/wordeditorframe.aspx`): Excel (`/x/`) and PowerPoint (`/p/`) share the host.
 */
export const BUILTIN_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://docs.google.com/document/*',
  'https://*.officeapps.live.com/we/*',
];
