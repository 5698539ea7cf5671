import { describe, expect, it } from 'vitest';
import { multipartBoundary, parseMultipart, readFormParts } from '../../src/api/multipart';
import { isHindsightError } from '../../src/core/errors';

const TYPE = 'multipart/form-data; boundary=XyZ';

function body(...parts: string[]): string {
	return parts.map((part) => `--XyZ\r\n${part}\r\n`).join('') + '--XyZ--\r\n';
}

describe('multipartBoundary', () => {
	it('reads bare and quoted boundaries', () => {
		expect(multipartBoundary(TYPE)).toBe('XyZ');
		expect(multipartBoundary('multipart/form-data; boundary="a b"; x=1')).toBe('a b');
		expect(multipartBoundary('multipart/form-data')).toBeNull();
	});
});

describe('parseMultipart', () => {
	it('reads file parts and plain fields in order', () => {
		const text = body(
			'Content-Disposition: form-data; name="buckets.json"; filename="export.json"\r\n' +
				'Content-Type: application/json\r\n\r\n{"a":1}',
			'Content-Disposition: form-data; name="other"\r\n\r\n{"b":\r\n2}'
		);
		expect(parseMultipart(text, TYPE)).toEqual([
			{ name: 'buckets.json', filename: 'export.json', text: '{"a":1}' },
			{ name: 'other', filename: null, text: '{"b":\r\n2}' }
		]);
	});

	it('tolerates bare line feeds and a missing closing delimiter', () => {
		const text = '--XyZ\nContent-Disposition: form-data; name="f"\n\n{"c":3}\n';
		expect(parseMultipart(text, TYPE)).toEqual([{ name: 'f', filename: null, text: '{"c":3}' }]);
	});

	it('throws invalid_import without a boundary or without parts', () => {
		for (const [text, type] of [
			['x', 'multipart/form-data'],
			['no parts here', TYPE]
		]) {
			let caught: unknown;
			try {
				parseMultipart(text, type);
			} catch (err) {
				caught = err;
			}
			expect(isHindsightError(caught, 'invalid_import')).toBe(true);
		}
	});
});

describe('readFormParts', () => {
	it('parses a well-formed body with the platform parser', async () => {
		const form = new FormData();
		form.append('buckets.json', new Blob(['{"x":1}'], { type: 'application/json' }), 'e.json');
		form.append('field', '{"y":2}');
		const request = new Request('http://h/', { method: 'POST', body: form });
		const parts = await readFormParts(
			await request.arrayBuffer(),
			request.headers.get('Content-Type') ?? ''
		);
		expect(parts).toEqual([
			{ name: 'buckets.json', filename: 'e.json', text: '{"x":1}' },
			{ name: 'field', filename: null, text: '{"y":2}' }
		]);
	});

	it('falls back to its own parser when the platform refuses the body', async () => {
		const text = '--XyZ\r\nContent-Disposition: form-data; name="f"\r\n\r\n{"z":1}';
		const parts = await readFormParts(new TextEncoder().encode(text).buffer, TYPE);
		expect(parts).toEqual([{ name: 'f', filename: null, text: '{"z":1}' }]);
	});
});
