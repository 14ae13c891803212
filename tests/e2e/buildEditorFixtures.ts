/**
 * Bundles the real editors from node_modules for the fixture pages in tests/e2e/fixtures/editors/,
 * one script (and its CSS) per editor, into tests/e2e/.fixtures-build/ (served at /fixtures-build/).
 * TinyMCE and CKEditor 4 need no bundle: they are served as is from node_modules (/vendor/tinymce/,
 * /vendor/ckeditor4/) and load their own plugins, languages and skins from there.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './extension';
import { FIXTURES_BUILD } from './server';

const SOURCES = join(ROOT, 'tests/e2e/fixtures/editors/src');

export async function buildEditorFixtures(): Promise<string> {
  await build({
    entryPoints: readdirSync(SOURCES)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(SOURCES, file)),
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    outdir: FIXTURES_BUILD,
    logLevel: 'warning',
    // Draft.js's helpers (fbjs, setimmediate) read Node's `global`: in a page it is `globalThis`.
    define: { global: 'globalThis' },
    // Readable stacks when a fixture breaks; size does not matter here.
    minify: false,
    sourcemap: false,
  });
  return FIXTURES_BUILD;
}
