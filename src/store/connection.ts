/**
 * The Dexie connection of one Datastore: opening (with a timeout while another tab blocks the
 * upgrade, and a refusal of rows written by a newer release), closing when another context
 * upgrades or deletes the database, and running transactions whose failures come back as
 * HindsightErrors, logged once here.
 */
import type { DexieOptions } from 'dexie';
import type { ErrorCode, HindsightError } from '../core/errors';
import { createLogger } from '../core/log';
import {
	blockedError,
	closedError,
	newerFormatError,
	storageError,
	supersededError
} from './errors';
import { runLean, type KnownRows, type LeanScope } from './lean-tx';
import {
	FORMAT_VERSION,
	HindsightDb,
	SCHEMA_VERSIONS,
	boundTables,
	newDeviceId,
	type TableName,
	type Tables
} from './versions';
import type { WriteTables } from './write-tx';

const log = createLogger('store');

/** Failures worth a log record; validation errors are the caller's business. */
const LOGGED_CODES = new Set<ErrorCode>([
	'internal',
	'quota_exceeded',
	'database_closed',
	'database_blocked',
	'database_version',
	'storage_failed'
]);

export type ConnectionOptions = {
	name: string;
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
	blockedTimeoutMs: number;
};

export class Connection {
	readonly name: string;
	private readonly db: HindsightDb;
	private readonly blockedTimeoutMs: number;
	private opening: Promise<void> | null = null;
	private closed = false;
	private superseded: 'upgraded' | 'deleted' | null = null;

	constructor(options: ConnectionOptions) {
		this.name = options.name;
		this.blockedTimeoutMs = options.blockedTimeoutMs;
		const dexieOptions: DexieOptions = {
			chromeTransactionDurability: 'relaxed',
			cache: 'disabled',
			autoOpen: false
		};
		// Only set when given: an explicit undefined would replace Dexie's own defaults.
		if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
		if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
		this.db = new HindsightDb(this.name, dexieOptions, SCHEMA_VERSIONS);
		this.db.on('versionchange', (event) => this.onVersionChange(event));
	}

	/** Opens the database (once; later calls wait for the same opening). */
	open(): Promise<void> {
		this.opening ??= this.openOnce();
		return this.opening;
	}

	private async openOnce(): Promise<void> {
		const started = Date.now();
		let timer: ReturnType<typeof setTimeout> | undefined;
		const blocked = new Promise<never>((_, reject) => {
			this.db.on('blocked', () => {
				log.warn('Opening the database is blocked by another tab', { database: this.name });
				timer ??= setTimeout(() => {
					reject(blockedError(Math.round(this.blockedTimeoutMs / 1000)));
					this.db.close();
				}, this.blockedTimeoutMs);
			});
		});
		try {
			await Promise.race([this.db.open(), blocked]);
			await this.checkFormat();
			log.info('Database open', { database: this.name, ms: Date.now() - started });
		} catch (err) {
			this.db.close();
			throw this.failure(err, 'opening the database');
		} finally {
			clearTimeout(timer);
		}
	}

	/** Refuses rows of a newer release; fills in what a database made elsewhere may lack. */
	private async checkFormat(): Promise<void> {
		await this.db.transaction('rw', this.db.meta, async (trans) => {
			const meta = boundTables(trans).meta;
			const format = await meta.get('format');
			const found = format?.key === 'format' ? format.version : undefined;
			if (found !== undefined && found > FORMAT_VERSION) {
				throw newerFormatError(found, FORMAT_VERSION);
			}
			if (found === undefined) await meta.put({ key: 'format', version: FORMAT_VERSION });
			if (!(await meta.get('device'))) await meta.put({ key: 'device', id: newDeviceId() });
		});
	}

	private onVersionChange(event: IDBVersionChangeEvent): void {
		this.superseded = event.newVersion === null ? 'deleted' : 'upgraded';
		log.warn('Another context changed the database version; closing', { database: this.name });
		this.db.close();
	}

	/** Resolves once the database is open; rejects once closed or superseded. */
	async ready(): Promise<void> {
		if (this.closed) throw closedError();
		if (this.superseded) throw supersededError(this.superseded === 'deleted');
		await this.open();
	}

	/** Maps a failure to a HindsightError, logging storage failures and bugs once, here. */
	failure(err: unknown, action: string): HindsightError {
		if (this.superseded) return supersededError(this.superseded === 'deleted');
		const mapped = storageError(err, action);
		if (LOGGED_CODES.has(mapped.code)) {
			log.error(`Storage failure while ${action}`, { code: mapped.code, database: this.name });
		}
		return mapped;
	}

	/**
	 * Runs `body` in one transaction over `tables`, passing them bound to it. The scope is an
	 * async function, as Dexie requires to follow its transaction across native awaits.
	 */
	async run<T>(
		mode: 'r' | 'rw',
		action: string,
		tables: readonly TableName[],
		body: (t: Tables) => Promise<T>
	): Promise<T> {
		await this.ready();
		try {
			return await this.db.transaction(mode, [...tables], async (trans) => {
				return await body(boundTables(trans));
			});
		} catch (err) {
			throw this.failure(err, action);
		}
	}

	/**
	 * Runs `body` in one lean readwrite transaction (lean-tx.ts) over `scope`, on the
	 * connection Dexie opened; failures come back as HindsightErrors, as from `run`.
	 */
	async runLean<T>(
		action: string,
		scope: LeanScope,
		body: (t: WriteTables) => Promise<T>,
		known: KnownRows | null = null
	): Promise<T> {
		await this.ready();
		try {
			const db = this.db.backendDB();
			if (!db) throw closedError();
			return await runLean(db, scope, body, known);
		} catch (err) {
			throw this.failure(err, action);
		}
	}

	/** Refuses later calls (runWhileClosing still works until close()). */
	markClosing(): void {
		this.closed = true;
	}

	close(): void {
		this.closed = true;
		this.db.close();
	}

	/**
	 * Runs `body` in a readwrite transaction even while closing, opening the database if needed
	 * (the log writes its last records this way). Refused once superseded, or when the
	 * connection was closed before it ever opened.
	 */
	async runWhileClosing<T>(
		tables: readonly TableName[],
		body: (t: Tables) => Promise<T>
	): Promise<T> {
		if (this.superseded || (this.closed && !this.opening)) throw closedError();
		await this.open();
		return this.db.transaction('rw', [...tables], async (trans) => await body(boundTables(trans)));
	}
}
