/**
 * Issue 12 item 11: the manifest declares the oldest Chrome and Firefox that have every API and
 * manifest key the extension uses, and the Word rule matches Word for the web only.
 *
 * Each row: a feature, where the code uses it, and the first version that has it. A feature the code
 * stops using fails its row (remove it); a new one must be added with its version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import config, { MINIMUM_VERSIONS } from '../../wxt.config';
import { isBuiltin } from '../../utils/background/sitePattern';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

const FEATURES: Array<{ feature: string; file: string; uses: RegExp; chrome?: number; firefox?: number }> = [
  { feature: 'matchOriginAsFallback in registered scripts', file: 'utils/background/siteAccess.ts', uses: /matchOriginAsFallback: true/, chrome: 119, firefox: 128 },
  { feature: 'sidePanel.open()', file: 'utils/openSidePanel.ts', uses: /sidePanel\.open\(/, chrome: 116 },
  { feature: "content script in world: 'MAIN'", file: 'entrypoints/page-bridge.content.ts', uses: /world: 'MAIN'/, chrome: 111, firefox: 128 },
  { feature: 'storage.session', file: 'utils/background/sessionStore.ts', uses: /storage\.session/, chrome: 102, firefox: 115 },
  { feature: 'data_collection_permissions', file: 'wxt.config.ts', uses: /data_collection_permissions/, firefox: 140 },
];

type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; command: 'build' | 'serve'; mode: string }) => Record<string, unknown>;
const manifest = config.manifest as unknown as ManifestFn;

describe('minimum browser versions', () => {
  test.each(FEATURES)('$feature is used ($file)', ({ file, uses }) => {
    expect(read(file)).toMatch(uses);
  });

  test('Chrome: minimum_chrome_version is at least every feature’s', () => {
    const declared = manifest({ browser: 'chrome', manifestVersion: 3, command: 'build', mode: 'production' }).minimum_chrome_version;
    expect(declared).toBe(MINIMUM_VERSIONS.chrome);
    const needed = Math.max(...FEATURES.flatMap((f) => (f.chrome ? [f.chrome] : [])));
    expect(Number(declared)).toBe(needed);
  });

  test('Firefox: strict_min_version is at least every feature’s', () => {
    const m = manifest({ browser: 'firefox', manifestVersion: 2, command: 'build', mode: 'production' }) as {
      browser_specific_settings: { gecko: { strict_min_version: string } };
      minimum_chrome_version?: string;
    };
    expect(m.minimum_chrome_version).toBeUndefined();
    const needed = Math.max(...FEATURES.flatMap((f) => (f.firefox ? [f.firefox] : [])));
    expect(parseFloat(m.browser_specific_settings.gecko.strict_min_version)).toBe(needed);
  });
});

describe('Word for the web, not Excel or PowerPoint', () => {
  test.each([
    ['https://word-edit.officeapps.live.com/we/wordeditorframe.aspx?ui=fr-FR', true],
    ['https://usc-word-edit.officeapps.live.com/we/wordeditorframe.aspx', true],
    ['https://excel.officeapps.live.com/x/_layouts/xlviewerinternal.aspx', false],
    ['https://powerpoint.officeapps.live.com/p/PowerPointFrame.aspx', false],
    ['https://usc-powerpoint.officeapps.live.com/p/PowerPointFrame.aspx?PowerPointView=EditView', false],
  ])('%s → %s', (url, builtin) => {
    expect(isBuiltin(url)).toBe(builtin);
  });
});
