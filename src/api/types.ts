/**
 * The shapes the REST router is built from: what it needs (a datastore, a query runner, a
 * configuration) and what a route handler receives. The router itself is a plain function from
 * `Request` to `Promise<Response>` (rest-api.md 13), so the service worker, the extension bridge
 * and Node tests all run the same code.
 */
import type { EventSource } from '../core/query/source';
import type { DatastoreApi } from '../store/types';

/** A query request as the endpoint passes it on (rest-api.md 8.1). */
export type QueryInput = {
	/** The program's lines; the engine joins them with line feeds. */
	query: string | string[];
	/** `START/END` periods, validated by the engine. */
	timeperiods: string[];
	name?: string;
};

/**
 * Runs a query program once per period over `source`; resolves to one JSON-ready result per
 * period. Program errors are HindsightErrors `query_failed` with details `{kind, line?, column?,
 * offset?}`.
 */
export type QueryRunner = (input: QueryInput, source: EventSource) => Promise<unknown[]>;

/** What can change while the router runs (settings), read at each request. */
export type RouterConfig = {
	/** `GET /api/0/info` reports it; ActivityWatch test suites expect `true` on test instances. */
	testing: boolean;
	/** Reported by `GET /api/0/info`, e.g. `v0.1.0 (hindsight)`. */
	version: string;
	/**
	 * The Rust server's optional API key (rest-api.md 11.1): when non-empty, every request but
	 * `GET /api/0/info` and OPTIONS needs `Authorization: Bearer <key>`.
	 */
	apiKey?: string | null;
	/**
	 * The app's own origin (e.g. `http://127.0.0.1:5600`). A request to another origin (code using
	 * the clients' default base URL from a controlled page) gets the CORS headers it needs.
	 */
	origin?: string;
	/** Whether such cross-origin requests to a local ActivityWatch address are answered at all. */
	answerCrossOrigin?: boolean;
};

export type RouterOptions = {
	datastore: DatastoreApi;
	runQuery: QueryRunner;
	/** A fixed configuration, or a function giving the current one (settings can change it). */
	config: RouterConfig | (() => RouterConfig | Promise<RouterConfig>);
};

/** The REST router: answers every request under `/api/`; never rejects. */
export type Router = (request: Request) => Promise<Response>;

/** What a route handler gets: the request, the decoded path parameters and the dependencies. */
export type RouteContext = {
	request: Request;
	url: URL;
	/** Decoded path parameters by name (`bid`, `eid`, `key`). */
	params: Record<string, string>;
	datastore: DatastoreApi;
	runQuery: QueryRunner;
	config: RouterConfig;
};

export type Handler = (context: RouteContext) => Promise<Response>;
