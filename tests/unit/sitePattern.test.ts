/** Sites as match patterns, and which ones are built in (utils/background/sitePattern.ts). */
import { describe, expect, test } from 'vitest';
import { framePatterns, isBuiltin, isUserSitePattern, patternRegExp, senderSiteUrl, sitePattern } from '../../utils/background/sitePattern';

describe('sitePattern', () => {
  test.each([
    ['https://mail.asso.org:8443/?_task=mail&_action=compose', 'https://mail.asso.org/*'],
    ['http://pad.local/p/reunion', 'http://pad.local/*'],
    ['chrome://extensions/', undefined],
    ['file:///home/lettre.html', undefined],
    ['pas une adresse', undefined],
  ])('%s → %s', (url, pattern) => {
    expect(sitePattern(url)).toBe(pattern);
  });
});

describe('isBuiltin', () => {
  test.each([
    ['https://mail.google.com/mail/u/0/#inbox?compose=new', true],
    ['https://outlook.office.com/mail/deeplink/compose', true],
    ['https://outlook.live.com/mail/0/', true],
    ['https://docs.google.com/document/d/abc/edit', true],
    ['https://docs.google.com/spreadsheets/d/abc/edit', false],
    ['https://word-edit.officeapps.live.com/we/wordeditorframe.aspx?ui=fr-FR', true],
    ['https://usc-word-edit.officeapps.live.com/we/wordeditorframe.aspx', true],
    ['https://officeapps.live.com.evil.example/', false],
    ['https://nextcloud.asso.org/apps/text', false],
  ])('%s → %s', (url, builtin) => {
    expect(isBuiltin(url)).toBe(builtin);
  });

  test('a pattern it cannot read is an error that says so', () => {
    expect(() => patternRegExp('<all_urls>')).toThrow(/not a match pattern/);
  });
});

describe('isUserSitePattern (what the background registers scripts for)', () => {
  test.each([
    ['https://mail.asso.org/*', true],
    ['http://localhost/*', true],
    ['https://*/*', false],
    ['<all_urls>', false],
    ['https://mail.google.com/*', false],
    ['https://mail.asso.org/webmail/*', false],
  ])('%s → %s', (pattern, expected) => {
    expect(isUserSitePattern(pattern)).toBe(expected);
  });
});

describe('senderSiteUrl (which site a content script’s message comes from, issue 12 item 2)', () => {
  test.each([
    ['Word’s editor frame inside a OneDrive page: the frame’s own address', { url: 'https://word-edit.officeapps.live.com/we/wordeditorframe.aspx', tabUrl: 'https://onedrive.live.com/edit' }, 'https://word-edit.officeapps.live.com/we/wordeditorframe.aspx'],
    ['an about:blank editor frame (TinyMCE): its origin', { url: 'about:blank', origin: 'https://mail.asso.org', tabUrl: 'https://mail.asso.org/?_task=mail' }, 'https://mail.asso.org/'],
    ['about:blank without an origin (Firefox): the tab’s address', { url: 'about:blank', tabUrl: 'https://pad.asso.org/p/lettre' }, 'https://pad.asso.org/p/lettre'],
    ['nothing known (a site whose permission was given back)', { url: 'about:blank', origin: 'null' }, undefined],
  ])('%s', (_name, sender, expected) => {
    expect(senderSiteUrl(sender)).toBe(expected);
  });
});

describe('framePatterns (the page\'s cross-origin editor frames, turned on with it)', () => {
  const page = 'https://cryptpad.asso.org/pad/#/2/pad/edit/abc/';
  test('CryptPad: the sandbox domain\'s frame, once, port left out', () => {
    expect(framePatterns(['https://sandbox.cryptpad.asso.org/pad/inner.html?ver=5', 'https://sandbox.cryptpad.asso.org:8443/common/other.html'], page)).toEqual([
      'https://sandbox.cryptpad.asso.org/*',
    ]);
  });
  test('frames of the page\'s own site, blank, data:, blob:, javascript: and unreadable ones are left out', () => {
    expect(
      framePatterns(['https://cryptpad.asso.org/common/frame.html', 'about:blank', '', 'data:text/html,<p>x</p>', 'blob:https://cryptpad.asso.org/1234', 'javascript:void(0)', 'chrome-extension://abc/sidepanel.html', 'pas une adresse'], page),
    ).toEqual([]);
  });
  test('built-in sites (Word\'s editor frame, Google Docs) are left out: the manifest covers them', () => {
    expect(framePatterns(['https://word-edit.officeapps.live.com/we/wordeditorframe.aspx', 'https://docs.google.com/document/d/abc/edit'], 'https://onedrive.live.com/edit')).toEqual([]);
  });
  test('http and https frames on other sites of the page\'s domain are kept, in the page\'s order, the scheme as served', () => {
    expect(framePatterns(['http://docs.asso.org/p/reunion', 'https://sandbox.cryptpad.asso.org/x', 'http://docs.asso.org/p/autre'], page)).toEqual(['http://docs.asso.org/*', 'https://sandbox.cryptpad.asso.org/*']);
  });
  test('a video, a map or an advertisement embedded from another domain is never asked for', () => {
    expect(framePatterns(['https://www.youtube-nocookie.com/embed/abc', 'https://www.openstreetmap.org/export/embed.html', 'https://ads.example.net/frame', 'https://asso.org.evil.example/x'], page)).toEqual([]);
  });
  test('a page that is not a web page has no own site to leave out, but still no non-web frame', () => {
    expect(framePatterns(['https://sandbox.cryptpad.asso.org/x', 'about:srcdoc'], 'about:blank')).toEqual(['https://sandbox.cryptpad.asso.org/*']);
  });
});
