import type { ImportErrorKey } from '../data/library/import/ImportError';
import { isImportError } from '../data/library/import/ImportError';
import { t, type MessageKey } from '../utils/i18n';

/** Each import error's message key, spelt out so a key missing from the locales does not compile. */
const KEYS: Record<ImportErrorKey, MessageKey> = {
  importErrorEmpty: 'importErrorEmpty',
  importErrorTooLarge: 'importErrorTooLarge',
  importErrorUnsupported: 'importErrorUnsupported',
  importErrorMismatch: 'importErrorMismatch',
  importErrorMismatchText: 'importErrorMismatchText',
  importErrorMismatchUnknown: 'importErrorMismatchUnknown',
  importErrorCorrupt: 'importErrorCorrupt',
  importErrorPassword: 'importErrorPassword',
  importErrorScan: 'importErrorScan',
  importErrorNoText: 'importErrorNoText',
  importErrorBinary: 'importErrorBinary',
  exchangeErrorJson: 'exchangeErrorJson',
  exchangeErrorNotExport: 'exchangeErrorNotExport',
  exchangeErrorNewer: 'exchangeErrorNewer',
  exchangeErrorShape: 'exchangeErrorShape',
  exchangeErrorDuplicateId: 'exchangeErrorDuplicateId',
  exchangeErrorUnknownMeasure: 'exchangeErrorUnknownMeasure',
  exchangeErrorUnknownTheme: 'exchangeErrorUnknownTheme',
  exchangeErrorUnknownSource: 'exchangeErrorUnknownSource',
  exchangeErrorNotInSource: 'exchangeErrorNotInSource',
  storageErrorQuota: 'storageErrorQuota',
  storageErrorTaken: 'storageErrorTaken',
  storageErrorShipped: 'storageErrorShipped',
  storageErrorNoTheme: 'storageErrorNoTheme',
};

/** An error as the user reads it: an import error in their language, anything else as it came. */
export function importErrorText(error: unknown): string {
  if (isImportError(error)) return t(KEYS[error.key], ...error.args);
  return error instanceof Error ? error.message : String(error);
}
