/**
 * The site a page belongs to, as a match pattern, and whether it is one of the built-in ones.
 * Pure, unit-tested.
 */
import { BUILTIN_MATCHES } from '../builtinSites';

/** `https://mail.example.org:8443/?_task=mail` → `https://mail.example.org/*` (patterns ignore ports); `undefined` for non-web pages. */
export function sitePattern(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** A pattern `sitePattern` makes (one site, every page): not `<all_urls>`, not a wildcard host, not a built-in one. */
export function isUserSitePattern(pattern: string, builtins: readonly string[] = BUILTIN_MATCHES): boolean {
  return /^https?:\/\/[^/*]+\/\*$/.test(pattern) && !isBuiltin(pattern.slice(0, -1), builtins);
}

/** True when the assistant runs on `url` without being turned on (Gmail, Outlook, Google Docs, Word for the web). */
export function isBuiltin(url: string, matches: readonly string[] = BUILTIN_MATCHES): boolean {
  return matches.some((pattern) => patternRegExp(pattern).test(url));
}

/** A match pattern (`https://*.example.org/path/*`) as a regular expression over full URLs. */
export function patternRegExp(pattern: string): RegExp {
  const match = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!match) throw new Error(`Positions: "${pattern}" is not a match pattern this extension uses.`);
  const [, scheme, host, path] = match as unknown as [string, string, string, string];
  const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const schemePart = scheme === '*' ? 'https?' : scheme;
  const hostPart = host === '*' ? '[^/:]+' : host.startsWith('*.') ? `(?:[^/:]+\\.)?${escape(host.slice(2))}` : escape(host);
  const pathPart = escape(path).replace(/\*/g, '.*');
  return new RegExp(`^${schemePart}://${hostPart}(?::\\d+)?${pathPart}$`);
}

/**
 * The address that says which site a message comes from: the frame's own when it is a web page
 * (Word's editor frame on *.officeapps.live.com inside a OneDrive page), its origin for an
 * about:blank editor frame (TinyMCE, Etherpad), the tab's otherwise. `undefined` when none is known.
 */
export function senderSiteUrl(sender: { url?: string; origin?: string; tabUrl?: string }): string | undefined {
  if (sender.url && /^https?:/.test(sender.url)) return sender.url;
  if (sender.origin && /^https?:/.test(sender.origin)) return `${sender.origin}/`;
  if (sender.tabUrl && /^https?:/.test(sender.tabUrl)) return sender.tabUrl;
  return undefined;
}

/**
 * The sites of a page's cross-origin editor frames (CryptPad's sandbox domain), as patterns to turn
 * on with the page: http(s) frames only (not `about:blank`, `data:`, `blob:`), not the page's own
 * site, not a built-in one, and only within the page's own domain (`sandbox.cryptpad.asso.org` for
 * `cryptpad.asso.org`: the two last labels of the page's host name): a video, a map or an
 * advertisement embedded from another domain is never asked for. Each once, in the page's order.
 */
export function framePatterns(frameUrls: readonly string[], pageUrl: string, builtins: readonly string[] = BUILTIN_MATCHES): string[] {
  const own = sitePattern(pageUrl);
  const domain = baseDomain(pageUrl);
  const found: string[] = [];
  for (const url of frameUrls) {
    const pattern = sitePattern(url);
    // The frame's own address decides built-in (Word's editor frame lives under a path of its host).
    if (!pattern || pattern === own || found.includes(pattern) || isBuiltin(url, builtins) || !isUserSitePattern(pattern, builtins)) continue;
    const host = new URL(url).hostname;
    if (domain && host !== domain && !host.endsWith(`.${domain}`)) continue;
    found.push(pattern);
  }
  return found;
}

/** The two last labels of a web page's host name (`asso.org` for `cryptpad.asso.org`); `undefined` for a page that is not on the web. */
function baseDomain(url: string): string | undefined {
  if (!sitePattern(url)) return undefined;
  return new URL(url).hostname.split('.').slice(-2).join('.');
}
