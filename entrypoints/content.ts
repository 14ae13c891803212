import { defineContentScript } from 'wxt/utils/define-content-script';

/**
 * Placeholder for issue 5 (suggestions while writing in webmail and editors). Registered at
 * runtime, not in the manifest, so for now it runs on no page and asks for no host permission.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {},
});
