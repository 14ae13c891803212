/**
 * The UI is French first and English complete: both locales must carry the same messages,
 * each explained for translators, with the same placeholders, within the browsers' limits.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
type Message = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
const load = (lang: string) => JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, Message>;
const fr = load('fr');
const en = load('en');
const LOCALES = { fr, en };

describe('locales', () => {
  test('exactly fr and en are shipped, fr being the default', () => {
    expect(readdirSync(join(ROOT, 'public/_locales')).sort()).toEqual(['en', 'fr']);
    expect(readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')).toMatch(/default_locale: 'fr'/);
  });

  test('fr and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  test.each(Object.entries(LOCALES))('every %s message has a text and a description', (_, messages) => {
    const missing = Object.entries(messages)
      .filter(([, m]) => !m.message?.trim() || !m.description?.trim())
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  test.each(Object.entries(LOCALES))('%s keys only use the characters browsers accept', (_, messages) => {
    expect(Object.keys(messages).filter((key) => !/^[A-Za-z0-9_]+$/.test(key))).toEqual([]);
  });

  test.each(Object.keys(fr))('"%s" uses the same declared placeholders in fr and en', (key) => {
    for (const messages of [fr, en]) {
      const entry = messages[key] as Message;
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => (m[1] as string).toLowerCase()).sort();
      expect(used).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
    expect(Object.keys(en[key]?.placeholders ?? {})).toEqual(Object.keys(fr[key]?.placeholders ?? {}));
  });

  test.each([
    ['extName', 75],
    ['extShortName', 12],
    ['extDescription', 132],
  ])('%s fits the manifest limit of %i characters in both languages', (key, max) => {
    for (const messages of [fr, en]) expect((messages[key] as Message).message.length).toBeLessThanOrEqual(max);
  });

  test('every __MSG_…__ used by the manifest and the pages exists', () => {
    const files = ['wxt.config.ts', ...['sidepanel', 'popup', 'options'].map((p) => `entrypoints/${p}/index.html`)];
    const used = files.flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((key) => !(key in fr))).toEqual([]);
  });

  test.each(Object.entries(LOCALES))('in %s, a number written before a noun has a singular and a plural form', (_, messages) => {
    // « 1 sources », « 1 propositions gardées »: a placeholder that holds a number (its example is one), followed by a
    // word in the plural, must be a `_one` / `_other` pair read through tCount, which picks the form the number takes.
    const wrong = Object.entries(messages)
      .filter(([key]) => !/_(one|other)$/.test(key))
      .flatMap(([key, m]) =>
        Object.entries(m.placeholders ?? {})
          .filter(([, p]) => /^\d+$/.test((p as { example?: string }).example ?? ''))
          .flatMap(([name]) => [...m.message.matchAll(new RegExp(`\\$${name}\\$ (\\p{L}+[sx])\\b`, 'giu'))].map((found) => `${key}: ${found[0]}`)),
      );
    expect(wrong).toEqual([]);
  });

  test('each singular and plural pair says the same thing with the same placeholders', () => {
    for (const messages of [fr, en])
      for (const key of Object.keys(messages).filter((k) => k.endsWith('_one'))) {
        const other = messages[key.replace(/_one$/, '_other')];
        expect(other, `${key} has no _other form`).toBeDefined();
        expect(other?.placeholders).toEqual(expect.objectContaining(Object.fromEntries(Object.entries(messages[key]?.placeholders ?? {}).map(([n, p]) => [n, expect.objectContaining({ content: p.content })]))));
      }
  });

  test('each theme of the taxonomy has a name and a description in both languages, the French ones the taxonomy\'s word for word', () => {
    const taxonomy = JSON.parse(readFileSync(join(ROOT, 'data/library/generated/library.json'), 'utf8')) as { themes: { id: string; label: string; about: string }[] };
    expect(taxonomy.themes.length).toBeGreaterThan(10);
    for (const theme of taxonomy.themes) {
      const key = `theme_${theme.id.replace(/-/g, '_')}`;
      expect(fr[key]?.message, key).toBe(theme.label);
      expect(en[key]?.message, key).toBeTruthy();
      expect(en[key]?.message, key).not.toBe(theme.label);
    }
    const named = Object.keys(fr).filter((key) => key.startsWith('theme_'));
    expect(named.length).toBe(taxonomy.themes.length);
    // What each theme covers (a chip's tooltip) likewise.
    for (const theme of taxonomy.themes) {
      const key = `themeAbout_${theme.id.replace(/-/g, '_')}`;
      expect(fr[key]?.message, key).toBe(theme.about);
      expect(en[key]?.message, key).toBeTruthy();
    }
  });

  test('every message is used somewhere (no dead strings for translators)', () => {
    const sources = ['wxt.config.ts', ...listFiles('components'), ...listFiles('utils'), ...listFiles('entrypoints')]
      .map((file) => readFileSync(join(ROOT, file), 'utf8'))
      .join('\n');
    // Plural forms are looked up as `base_one` / `base_other` through tCount('base', n).
    const unused = Object.keys(fr).filter((key) => !sources.includes(`'${key.replace(/_(one|other)$/, '')}'`) && !sources.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(tsx?|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name).slice(ROOT.length + 1));
}
