/**
 * What goes wrong when a user imports a report or an export, said in their language.
 *
 * The wording lives once, in `public/_locales/{fr,en}/messages.json` (keys `importError…`,
 * `exchangeError…`, `storageError…`): the extension's pages show it through `t(key, ...args)`,
 * and the command line and the tests read the same files through `messageOf`. The error's own
 * `message` is the French text, so a stack trace or the CLI says it plainly.
 */
import fr from '../../../public/_locales/fr/messages.json';
import en from '../../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES: Record<'fr' | 'en', Messages> = { fr, en };

export type ImportErrorKey =
  | 'importErrorEmpty'
  | 'importErrorTooLarge'
  | 'importErrorUnsupported'
  | 'importErrorMismatch'
  | 'importErrorMismatchText'
  | 'importErrorMismatchUnknown'
  | 'importErrorCorrupt'
  | 'importErrorPassword'
  | 'importErrorScan'
  | 'importErrorNoText'
  | 'importErrorBinary'
  | 'exchangeErrorJson'
  | 'exchangeErrorNotExport'
  | 'exchangeErrorNewer'
  | 'exchangeErrorShape'
  | 'exchangeErrorDuplicateId'
  | 'exchangeErrorUnknownMeasure'
  | 'exchangeErrorUnknownTheme'
  | 'exchangeErrorUnknownSource'
  | 'exchangeErrorNotInSource'
  | 'storageErrorQuota'
  | 'storageErrorTaken'
  | 'storageErrorShipped'
  | 'storageErrorNoTheme';

export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    /** Locale key of the message; its placeholders are filled from `args` in order. */
    readonly key: ImportErrorKey,
    readonly args: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(messageOf(key, args, 'fr'), options);
  }

  /** The message in `lang` (French unless English is asked). */
  in(lang: string): string {
    return messageOf(this.key, this.args, lang.startsWith('en') ? 'en' : 'fr');
  }
}

/** Fills a locale message as the browser's `i18n.getMessage` does: `$NAME$` → its placeholder's `$n`. */
export function messageOf(key: string, args: readonly string[], lang: 'fr' | 'en' = 'fr'): string {
  const entry = LOCALES[lang][key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    const n = content ? /^\$(\d)$/.exec(content)?.[1] : undefined;
    return n ? (args[Number(n) - 1] ?? '') : whole;
  });
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
