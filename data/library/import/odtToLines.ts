/**
 * An OpenDocument text's `content.xml` to the pipeline's lines (see `htmlToLines`): paragraphs
 * and headings (`text:p`, `text:h` with its outline level), list items, bold spans (from the
 * automatic styles that set `fo:font-weight="bold"`), spaces (`text:s`), tabs and line breaks.
 * Notes, annotations and tracked deletions are not the report's running text and are left out.
 */
import { decodeEntities } from './htmlToLines';

const SKIPPED = new Set(['text:note', 'office:annotation', 'text:tracked-changes', 'text:deletion']);

export function odtToLines(xml: string): string[] {
  const bold = boldStyles(xml);
  const body = xml.slice(Math.max(0, xml.indexOf('<office:body')));
  const out: string[] = [];
  const stack: { tag: string; bold: boolean }[] = [];
  let line = '';
  let prefix = '';
  let skip = 0;
  let listDepth = 0;
  const flush = () => {
    const text = line.replace(/[ \t]+/g, ' ').replace(/\*\*\s*\*\*/g, '').trim();
    if (text.replace(/\*/g, '').trim()) out.push(prefix + text.replace(/ ?\n ?/g, '\n'), '');
    line = '';
    prefix = '';
  };
  for (const m of body.matchAll(/<(\/?)([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, tag, attrs = '', selfClose, text] = m;
    if (text !== undefined) {
      if (!skip && stack.length) line += decodeEntities(text.replace(/\s+/g, ' '));
      continue;
    }
    if (SKIPPED.has(tag!)) {
      if (!selfClose) skip += close ? -1 : 1;
      continue;
    }
    if (skip) continue;
    const styled = bold.has(/text:style-name="([^"]+)"/.exec(attrs)?.[1] ?? '');
    if (tag === 'text:list') listDepth += close ? -1 : selfClose ? 0 : 1;
    else if (tag === 'text:p' || tag === 'text:h') {
      if (close) {
        const open = stack.pop();
        if (open?.bold) line = `**${line.trim()}**`;
        flush();
      } else {
        if (line.trim()) flush();
        const level = Number(/text:outline-level="(\d)"/.exec(attrs)?.[1] ?? 1);
        prefix = tag === 'text:h' ? `${'#'.repeat(Math.min(level, 6))} ` : listDepth > 0 ? '- ' : '';
        if (selfClose) prefix = '';
        else stack.push({ tag, bold: styled && tag === 'text:p' });
      }
    } else if (tag === 'text:span' && !selfClose && stack.length) {
      if (close) {
        if (stack[stack.length - 1]?.tag === 'text:span' && stack.pop()?.bold) line += '**';
      } else {
        stack.push({ tag, bold: styled });
        if (styled) line += '**';
      }
    } else if (tag === 'text:s') line += ' '.repeat(Number(/text:c="(\d+)"/.exec(attrs)?.[1] ?? 1));
    else if (tag === 'text:tab') line += ' ';
    else if (tag === 'text:line-break') line += '\n';
  }
  flush();
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** Names of the automatic styles (paragraph or text) that make their text bold. */
function boldStyles(xml: string): Set<string> {
  const names = new Set<string>();
  for (const m of xml.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
    const name = /style:name="([^"]+)"/.exec(m[1]!)?.[1];
    if (name && /fo:font-weight="(?:bold|[6-9]00)"/.test(m[2]!)) names.add(name);
  }
  return names;
}
