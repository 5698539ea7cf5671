/** `GET /api/0/info` (rest-api.md 4.1) and `GET /api/0/log` (4.21). */
import { formatInstant, MICROS_PER_MILLI } from '../../core/model/time';
import { jsonResponse } from '../http';
import type { Handler } from '../types';

/** Server info: the device name and id from the datastore, version and testing from config. */
export const getInfo: Handler = async ({ datastore, config }) => {
	const { hostname, device_id } = await datastore.info();
	return jsonResponse({ hostname, version: config.version, testing: config.testing, device_id });
};

/** Recent log records, newest first, each with `timestamp`, `level` and `message`. */
export const getLog: Handler = async ({ datastore }) => {
	const records = await datastore.getLog();
	return jsonResponse(
		records.map((record) => ({
			timestamp: formatInstant(record.time * MICROS_PER_MILLI),
			level: record.level,
			scope: record.scope,
			message: record.message,
			details: record.details ?? {}
		}))
	);
};
