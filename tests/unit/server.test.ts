/** The e2e/demo server must serve the demo and fixtures, and nothing else on the disk. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolvePath } from '../e2e/server';

const mounts = { '/': '/srv/demo', '/fixtures/': '/srv/fixtures' };

describe('resolvePath', () => {
  test.each([
    ['/', join('/srv/demo', 'index.html')],
    ['/demo.css', '/srv/demo/demo.css'],
    ['/demo.css?v=2', '/srv/demo/demo.css'],
    ['/fixtures/', join('/srv/fixtures', 'index.html')],
    ['/fixtures/gmail.html', '/srv/fixtures/gmail.html'],
    ['/a%20b.html', '/srv/demo/a b.html'],
  ])('serves %s from %s', (url, file) => {
    expect(resolvePath(url, mounts)).toBe(file);
  });

  test.each([
    ['/../package.json'],
    ['/%2e%2e/package.json'],
    ['/fixtures/../../package.json'],
    ['/fixtures/%2e%2e/%2e%2e/etc/passwd'],
    ['/%E0%A4%A'],
  ])('refuses %s (outside the served folders or malformed)', (url) => {
    expect(resolvePath(url, mounts)).toBeUndefined();
  });
});
