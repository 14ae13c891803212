/** The options' settings as stored (issue 11, item 9): anything read back is valid, a bad field takes its default and no other. */
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, readSettings } from '../../components/settings';

describe('settings', () => {
  test.each([
    { why: 'nothing stored: the defaults', stored: null, out: DEFAULT_SETTINGS },
    { why: 'unreadable JSON: the defaults', stored: '{not json', out: DEFAULT_SETTINGS },
    { why: 'a full valid record is kept', stored: JSON.stringify({ language: 'en', paused: true, suggestionCount: 8, showContext: false, citationStyle: 'footnote' }), out: { language: 'en', paused: true, suggestionCount: 8, showContext: false, citationStyle: 'footnote' } },
    { why: 'a bad field takes its default, the others stay', stored: JSON.stringify({ language: 'de', paused: 'yes', suggestionCount: 7, showContext: false, citationStyle: 'apa' }), out: { ...DEFAULT_SETTINGS, showContext: false } },
    { why: 'not an object: the defaults', stored: '42', out: DEFAULT_SETTINGS },
  ])('$why', ({ stored, out }) => {
    expect(readSettings(stored)).toEqual(out);
  });

  test('parseSettings never returns a value outside its choices', () => {
    expect(parseSettings({ suggestionCount: 1e9 }).suggestionCount).toBe(DEFAULT_SETTINGS.suggestionCount);
  });
});
