import { describe, expect, it } from 'vitest';
import { limitParam, parseTimeParam, pathSegments, pulsetimeParam } from '../../src/api/params';
import { isHindsightError } from '../../src/core/errors';
import { parseInstant } from '../../src/core/model/time';

const url = (query: string) => new URL(`http://h/api/0/x?${query}`);

function codeOf(fn: () => unknown): string | undefined {
	try {
		fn();
	} catch (err) {
		return isHindsightError(err) ? err.code : 'not a HindsightError';
	}
	return undefined;
}

describe('pathSegments', () => {
	it('drops empty segments and decodes each one', () => {
		expect(pathSegments('//api/0//buckets/a%2Fb/')).toEqual(['api', '0', 'buckets', 'a/b']);
		expect(pathSegments('/')).toEqual([]);
		expect(pathSegments('/api/x%zz')).toEqual(['api', 'x%zz']);
	});
});

describe('parseTimeParam', () => {
	const expected = parseInstant('2024-05-01T00:00:00+02:00');

	it('repairs a + that form decoding turned into a space', () => {
		const decoded = url('start=2024-05-01T00:00:00+02:00').searchParams.get('start') ?? '';
		expect(decoded).toBe('2024-05-01T00:00:00 02:00');
		expect(parseTimeParam('start', decoded)).toBe(expected);
		expect(parseTimeParam('start', '2024-05-01T00:00:00 0200')).toBe(expected);
		expect(parseTimeParam('start', '2024-05-01T00:00:00 02')).toBe(expected);
		expect(parseTimeParam('start', '2024-05-01 00:00:00 02:00')).toBe(expected);
	});

	it('keeps the escaped form and a space separator working', () => {
		expect(parseTimeParam('start', '2024-05-01T00:00:00+02:00')).toBe(expected);
		expect(parseTimeParam('end', '2024-04-30 22:00:00Z')).toBe(expected);
	});

	it('throws invalid_timestamp naming the parameter', () => {
		expect(codeOf(() => parseTimeParam('start', 'May 1'))).toBe('invalid_timestamp');
		expect(codeOf(() => parseTimeParam('start', '2024-05-01T00:00:00 99:00'))).toBe(
			'invalid_timestamp'
		);
		try {
			parseTimeParam('end', 'yesterday');
		} catch (err) {
			expect((err as Error).message).toContain("'end'");
			expect((err as Error).message).toContain('yesterday');
		}
	});
});

describe('limitParam', () => {
	it('reads non-negative integers and ignores everything else', () => {
		expect(limitParam(url('limit=5'))).toBe(5);
		expect(limitParam(url('limit=0'))).toBe(0);
		expect(limitParam(url('limit=-1'))).toBeUndefined();
		expect(limitParam(url('limit=abc'))).toBeUndefined();
		expect(limitParam(url('limit=1.5'))).toBeUndefined();
		expect(limitParam(url(''))).toBeUndefined();
	});
});

describe('pulsetimeParam', () => {
	it('reads decimal numbers of seconds', () => {
		expect(pulsetimeParam(url('pulsetime=60'))).toBe(60);
		expect(pulsetimeParam(url('pulsetime=60.0'))).toBe(60);
		expect(pulsetimeParam(url('pulsetime=0.5'))).toBe(0.5);
		expect(pulsetimeParam(url('pulsetime=0'))).toBe(0);
	});

	it('refuses a missing or non-numeric pulsetime with invalid_argument', () => {
		for (const query of [
			'',
			'pulsetime=',
			'pulsetime=abc',
			'pulsetime=Infinity',
			'pulsetime=0x10',
			'pulsetime=1e999'
		]) {
			expect(
				codeOf(() => pulsetimeParam(url(query))),
				query
			).toBe('invalid_argument');
		}
	});
});
