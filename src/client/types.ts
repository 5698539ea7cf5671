/**
 * The public types of the client library (client.md section 1). The `I*` names and
 * `AWReqOptions` are aw-client-js's, so code written for `aw-client` type-checks unchanged.
 */
import type { QueueStorage } from './queue-storage';

/* eslint-disable @typescript-eslint/no-explicit-any -- aw-client-js types event data as `any`;
   keeping it lets existing code that reads `event.data.title` compile without casts. */

/** An event as the client returns it: `timestamp` is a `Date`, `duration` in seconds. */
export type IEvent = {
	id?: number;
	timestamp: Date;
	duration?: number;
	data: Record<string, any>;
};

/** An event as callers may hand it in: a string timestamp is sent unchanged. */
export type EventInput = {
	id?: number | null;
	timestamp: Date | string;
	duration?: number;
	data?: Record<string, any>;
};

/* eslint-enable @typescript-eslint/no-explicit-any */

/** The server's `GET /api/0/info` answer. */
export type IInfo = {
	hostname: string;
	version: string;
	testing: boolean;
	device_id?: string;
};

/** A bucket as the camelCase methods return it, with its times as `Date`s. */
export type IBucket = {
	id: string;
	name?: string | null;
	type: string;
	client: string;
	hostname: string;
	created: Date;
	data: Record<string, unknown>;
	metadata?: { start: string | null; end: string | null };
	last_updated?: Date;
	last_update?: Date;
};

/** A query period: `START/END` text, or a pair of `Date`s (aw-client-js form). */
export type Timeperiod = string | { start: Date; end: Date };

/** An export document as the server sends it; timestamps stay strings. */
export type ExportDocument = {
	buckets: Record<string, Record<string, unknown> & { events?: unknown[] }>;
};

/** aw-client-js's constructor options. */
export type AWReqOptions = {
	controller?: AbortController;
	testing?: boolean;
	baseURL?: string;
	timeout?: number;
};

/**
 * The transport the client calls, always with a single `Request`: the global `fetch`, the
 * in-process API handler `(request) => Promise<Response>`, or a bridge fetch.
 */
export type FetchLike = (request: Request) => Promise<Response>;

/** A function with the whole `fetch` signature. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** What the queue dispatcher reports when the server refused a queued request for good. */
export type QueueRejection = {
	/** The queue's name, `<client>[-testing].v1`. */
	queue: string;
	seq: number;
	endpoint: string;
	status: number;
	/** The server's error message, when it sent one. */
	message: string | undefined;
};

/** The queue dispatcher's intervals in milliseconds (tests shorten them). */
export type QueueTimings = {
	/** Wait after a failed connect phase: 10 s, as in the Python client. */
	reconnectMs: number;
	/** Pause after a network failure or a 5xx answer to a queued request: 0.5 s. */
	retryMs: number;
	/** How long an empty queue waits for a new entry before it looks again: 0.2 s. */
	idleMs: number;
};

/** Every constructor option (client.md section 2); a superset of `AWReqOptions`. */
export type ClientOptions = AWReqOptions & {
	host?: string;
	port?: number;
	protocol?: string;
	/** API key, sent as `Authorization: Bearer <token>`. */
	token?: string;
	/** Host name for the Python-style `create_bucket`; learnt from the server when absent. */
	hostname?: string;
	/** Pre-merge commit interval in seconds: 10, or 5 in testing mode. */
	commitInterval?: number;
	/** The transport; the global `fetch` by default. */
	fetch?: FetchLike;
	/** Where queued requests persist; IndexedDB (or `chrome.storage.local` in an extension). */
	queueStorage?: QueueStorage;
	/** Called when the server refused a queued request with a 4xx status and it was dropped. */
	onQueueRejected?: (rejection: QueueRejection) => void;
	/** The queue dispatcher's intervals; the Python client's by default. */
	queueTimings?: Partial<QueueTimings>;
};
