/**
 * The client library for the app's ActivityWatch-compatible REST API (client.md). Import it as
 * `src/client`, or under the module name `aw-client` through a bundler alias, so that code
 * written for aw-client-js (`import { AWClient } from 'aw-client'`) picks it up unchanged.
 */
export { ActivityWatchClient, AWClient, type GetEventsOptions } from './client';
export type { ImportableBucket } from './client-python';
export { FetchError, type FetchErrorResponse } from './fetch-error';
export {
	createBridgeFetch,
	createPostMessageSender,
	type BridgeSend,
	type MessageTarget,
	type PostMessageSenderOptions
} from './bridge-fetch';
export {
	createMemoryQueueStorage,
	defaultQueueStorage,
	type NewQueueEntry,
	type QueueEntry,
	type QueueStorage
} from './queue-storage';
export { createIndexedDbQueueStorage, QUEUE_DATABASE } from './queue-idb';
export { createChromeQueueStorage, type ChromeStorageArea } from './queue-chrome';
export type { QueryOptions } from './query';
export type { ReqConfig, ReqResponse, ReqShim } from './req-shim';
export type {
	AWReqOptions,
	ClientOptions,
	EventInput,
	ExportDocument,
	FetchFunction,
	FetchLike,
	IBucket,
	IEvent,
	IInfo,
	QueueRejection,
	QueueTimings,
	Timeperiod
} from './types';
