import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../../src/api/disposition';

describe('attachmentDisposition', () => {
	it('writes token names bare, as ActivityWatch does', () => {
		expect(attachmentDisposition('aw-bucket-export_aw-watcher-window_laptop.json')).toBe(
			'attachment; filename=aw-bucket-export_aw-watcher-window_laptop.json'
		);
	});

	it('adds filename* and sanitizes the plain name for unsafe characters', () => {
		const value = attachmentDisposition('aw-bucket-export_a "b"/c\\d\n€.json');
		expect(value).toBe(
			`attachment; filename="aw-bucket-export_a _b__c_d__.json"; ` +
				`filename*=UTF-8''aw-bucket-export_a%20%22b%22%2Fc%5Cd%0A%E2%82%AC.json`
		);
		expect(() => new Headers({ 'Content-Disposition': value })).not.toThrow();
	});

	it('percent-encodes the characters encodeURIComponent leaves but RFC 5987 does not allow', () => {
		expect(attachmentDisposition("it's (1)*.json")).toContain(
			"filename*=UTF-8''it%27s%20%281%29%2A.json"
		);
	});

	it('survives lone surrogates', () => {
		expect(attachmentDisposition('x\ud800.json')).toContain("filename*=UTF-8''x%EF%BF%BD.json");
	});
});
