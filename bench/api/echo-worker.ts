/**
 * A dedicated worker exposing, through Comlink as the dashboard's worker does, a `heartbeat`
 * that answers with the event it was given: the cost of the Comlink round trip alone
 * (`worker.comlink-floor` in bench/api.bench.ts).
 */
/// <reference lib="webworker" />
import { expose } from 'comlink';
import type { Event } from '../../src/core/model/event';

declare const self: DedicatedWorkerGlobalScope;

const api = {
	heartbeat: async (_bucketId: string, event: Event, _pulsetime: number): Promise<Event> => event
};

export type EchoApi = typeof api;

expose(api, self);
