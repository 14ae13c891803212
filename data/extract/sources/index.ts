/**
 * The bundled sources and their parsers, in the order the library lists them. A new kind
 * of document gets its own parser file here; an imported meeting report uses the generic one.
 */
import type { MeasureNotesReader } from '../pipeline';
import type { SourceParser } from '../types';
import { collectif20140131 } from './collectif-2014-01-31';
import { matignon20140624 } from './matignon-2014-06-24';

export const PARSERS: SourceParser[] = [collectif20140131, matignon20140624];

/** Readers of per-measure evaluation notes (the CNCDH's 2017 statuses and observations). */
export const MEASURE_NOTES: MeasureNotesReader[] = [];
