import { describe, expect, it } from 'vitest';
import { HindsightError } from '../../../src/core/errors';
import { parseJson } from '../../../src/core/model/json';

describe('parseJson', () => {
	it('returns the parsed value', () => {
		expect(parseJson('{"a":[1,true,null]}', 'settings file')).toEqual({ a: [1, true, null] });
	});

	it('throws invalid_json naming the input and quoting the parser', () => {
		let error: unknown;
		try {
			parseJson('{"a":', 'category file');
		} catch (err) {
			error = err;
		}
		expect(error).toBeInstanceOf(HindsightError);
		expect((error as HindsightError).code).toBe('invalid_json');
		expect((error as HindsightError).message).toMatch(/^The category file is not valid JSON: \S/);
	});
});
