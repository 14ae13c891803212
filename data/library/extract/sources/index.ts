/**
 * The bundled sources and their parsers, in the order the library lists them. A new kind
 * of document gets its own parser file here; an imported meeting report uses the generic one.
 */
import type { MeasureNotesReader } from '../pipeline';
import type { SourceParser } from '../types';
import { collectif20140131 } from './collectif-2014-01-31';
import { matignon20140624 } from './matignon-2014-06-24';
import { ministre20140203 } from './ministre-2014-02-03';
import { borne20221215 } from './borne-2022-12-15';
import { cncdh2017, cncdh2017Notes } from './cncdh-2017';

export const PARSERS: SourceParser[] = [collectif20140131, ministre20140203, matignon20140624, cncdh2017, borne20221215];

/** Readers of per-measure evaluation notes (the CNCDH's 2017 statuses and observations). */
export const MEASURE_NOTES: MeasureNotesReader[] = [cncdh2017Notes];
