/**
 * The client library for the app's ActivityWatch-compatible REST API (client.md).
 *
 * - `ActivityWatchClient` (also `AWClient`) offers both naming styles: snake_case methods
 *   behave like the Python client's, camelCase ones like aw-client-js's.
 * - Transports: the global `fetch` by default (against the app's own origin in a page, so the
 *   service worker answers), the in-process router as `fetch` (the service worker itself,
 *   Node tests), or `createBridgeFetch(send)` for an extension that reaches the app through
 *   `bridge.html` (`createPostMessageSender` provides `send` over `postMessage`).
 * - Queued mode keeps heartbeats in a persistent queue (IndexedDB, or `chrome.storage.local` in
 *   an extension) and delivers them at least once, in order; a resent heartbeat merges into
 *   the event it already made, so replays add no events (dispatcher.ts).
 *
 * To let code written for aw-client-js (`import { AWClient } from 'aw-client'`) pick this up
 * unchanged, alias the module name to this file in the bundler (Vite: `resolve.alias`) and, for
 * type checking, in `compilerOptions.paths`.
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
