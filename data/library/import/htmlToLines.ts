/**
 * mammoth's HTML (a small, regular subset: p, h1-h6, ul/ol/li, strong, em, a, table, br, img)
 * to the pipeline's lines: one paragraph a line, a blank line between paragraphs, headings as
 * `## …`, list items as `- …`, bold as `**…**` (a speaker's name in bold opens their turn).
 * Tags are read, never run; what was text stays text, entities decoded.
 */
const BLOCKS = /^(?:p|h[1-6]|li|td|th|caption)$/;

export function htmlToLines(html: string): string[] {
  const out: string[] = [];
  let line = '';
  let prefix = '';
  let skip = 0;
  const flush = () => {
    const text = line.replace(/\s+/g, ' ').replace(/\*\*\s*\*\*/g, '').trim();
    if (text.replace(/\*/g, '').trim()) out.push(prefix + text, '');
    line = '';
    prefix = '';
  };
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g)) {
    const [, close, rawTag, text] = m;
    if (text !== undefined) {
      if (!skip) line += decodeEntities(text);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'sup' && !close && /footnote|endnote/.test(m[0])) skip++;
    else if (tag === 'sup' && close && skip) skip--;
    else if (BLOCKS.test(tag)) {
      if (line.trim()) flush();
      if (!close) {
        const level = /^h([1-6])$/.exec(tag)?.[1];
        prefix = level ? `${'#'.repeat(Number(level))} ` : tag === 'li' ? '- ' : '';
      }
    } else if (tag === 'strong' || tag === 'b') line += '**';
    else if (tag === 'br') line += ' ';
  }
  flush();
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[e.toLowerCase()] ?? whole;
  });
}
