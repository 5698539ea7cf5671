/**
 * Data types of the worker contract, as the UI sees them. They are derived from WorkerApi so
 * that the UI depends on the worker's contract only, never on the store module.
 */
import type { WorkerApi } from '../../worker/api';

export type StoredBucket = Awaited<ReturnType<WorkerApi['listBuckets']>>[number];
export type ImportSummary = Awaited<ReturnType<WorkerApi['importFile']>>;
export type ChangeNotice = Parameters<Parameters<WorkerApi['subscribe']>[0]>[0];
