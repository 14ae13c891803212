/**
 * A tiny static file server on 127.0.0.1 for the pages the extension is tried on: the demo
 * (demo/) and the e2e fixtures (tests/e2e/fixtures/, e.g. editor look-alikes for issue 5).
 * Used by the e2e tests and by `npm start`. Loopback only, GET/HEAD only, no directory listing.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stat } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where `buildEditorFixtures()` bundles the real editors for the fixture pages (git-ignored). */
export const FIXTURES_BUILD = join(ROOT, 'tests/e2e/.fixtures-build');

/** URL prefix → folder served under it. The longest matching prefix wins. */
export const DEFAULT_MOUNTS: Record<string, string> = {
  '/': join(ROOT, 'demo'),
  '/fixtures/': join(ROOT, 'tests/e2e/fixtures'),
  '/fixtures-build/': FIXTURES_BUILD,
  // TinyMCE self-hosted: it loads its theme, model, icons and skin from here at run time.
  '/vendor/tinymce/': join(ROOT, 'node_modules/tinymce'),
  // Roundcube 1.6 ships TinyMCE 5: its compose page is tested with that one (npm alias `tinymce5`).
  '/vendor/tinymce5/': join(ROOT, 'node_modules/tinymce5'),
  // Quill 1.3.7 as its own build serves it (npm alias `quill1`; the name `quill` is Quill 2).
  '/vendor/quill1/': join(ROOT, 'node_modules/quill1/dist'),
  // CKEditor 4 likewise: ckeditor.js loads its config, plugins, language and skin from its own folder.
  '/vendor/ckeditor4/': join(ROOT, 'node_modules/ckeditor4'),
  // Summernote (jQuery back offices) as such sites load it: jQuery, then Summernote's lite build (its
  // stylesheet loads its icon font from its own folder) and its French strings, each a <script>.
  '/vendor/jquery/': join(ROOT, 'node_modules/jquery/dist'),
  '/vendor/summernote/': join(ROOT, 'node_modules/summernote/dist'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** A TCP port free on 127.0.0.1 now, for a server a test starts (Etherpad, Roundcube, Dovecot). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface StaticServer {
  /** Base URL, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Resolves a URL path to a file inside one of the mounts, or `undefined` (never outside them). */
export function resolvePath(urlPath: string, mounts: Record<string, string> = DEFAULT_MOUNTS): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const prefix = Object.keys(mounts)
    .filter((p) => path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  const folder = resolve(mounts[prefix] as string);
  const file = resolve(folder, normalize(`./${path.slice(prefix.length)}`));
  if (file !== folder && !file.startsWith(folder + sep)) return undefined;
  return path.endsWith('/') ? join(file, 'index.html') : file;
}

/** Starts the server; `port: 0` (default) picks a free port; `tls`: HTTPS with that key and certificate. */
export function startServer(options: { port?: number; mounts?: Record<string, string>; tls?: { key: string; cert: string }; host?: string } = {}): Promise<StaticServer> {
  const { port = 0, mounts = DEFAULT_MOUNTS, tls, host = '127.0.0.1' } = options;
  const handler: RequestListener = async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolvePath(request.url ?? '/', mounts);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
  const server: Server = tls ? createHttpsServer(tls, handler) : createServer(handler);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({
        url: `${tls ? 'https' : 'http'}://${host}:${actual}/`,
        port: actual,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * A throw-away self-signed certificate for `host` (openssl), for an HTTPS test server that the browser
 * reaches under a real site's name (host mapped to 127.0.0.1, certificate errors accepted in tests).
 */
export function selfSignedCertificate(host: string): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'positions-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
