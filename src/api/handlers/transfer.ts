/**
 * Export and import (rest-api.md 4.13-4.15, section 7). Exports are downloads with a
 * Content-Disposition; imports take a JSON body or a multipart upload whose parts (files or
 * plain fields, any names) each hold an export document, all stored in one transaction.
 */
import { HindsightError } from '../../core/errors';
import type { JsonValue } from '../../core/model/json';
import { attachmentDisposition } from '../disposition';
import { emptyResponse, jsonResponse } from '../http';
import { readFormParts } from '../multipart';
import { parseJsonText, readJson } from '../params';
import type { Handler } from '../types';
import { requireBucket } from './buckets';

function download(document: unknown, filename: string): Response {
	return jsonResponse(document, 200, { 'Content-Disposition': attachmentDisposition(filename) });
}

export const exportBucket: Handler = async ({ datastore, params }) => {
	await requireBucket(datastore, params.bid);
	const document = await datastore.exportBuckets([params.bid]);
	return download(document, `aw-bucket-export_${params.bid}.json`);
};

export const exportAll: Handler = async ({ datastore }) => {
	return download(await datastore.exportBuckets(), 'aw-buckets-export.json');
};

/** The export documents of an import request: the JSON body, or every part of a form. */
async function importDocuments(request: Request): Promise<JsonValue[]> {
	const contentType = request.headers.get('Content-Type') ?? '';
	if (!/^\s*multipart\/form-data\b/i.test(contentType)) return [await readJson(request)];

	const parts = await readFormParts(await request.arrayBuffer(), contentType);
	if (parts.length === 0) {
		throw new HindsightError('invalid_import', 'The multipart upload holds no file or field');
	}
	return parts.map((part) =>
		parseJsonText(part.text, `upload part '${part.filename ?? part.name}'`)
	);
}

export const importData: Handler = async ({ datastore, request }) => {
	await datastore.importDocuments(await importDocuments(request));
	return emptyResponse();
};
