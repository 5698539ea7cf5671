import { expect, it } from 'vitest';
import { HindsightError } from '../../../src/core/errors';
import { errorText, queryErrorPosition, wordError } from '../../../src/ui/lib/error-wording';

it('words a known code with what to do and keeps the message that quotes the culprit', () => {
	const wording = wordError(new HindsightError('bucket_not_found', "No bucket 'x'"));
	expect(wording.sentence).toMatch(/no longer exists/);
	expect(wording.detail).toBe("No bucket 'x'");
	expect(wording.code).toBe('bucket_not_found');
});

it('words an unknown code with a generic sentence naming the code', () => {
	const err = { name: 'HindsightError', code: 'brand_new_code', message: 'm' };
	expect(wordError(err).sentence).toContain('"brand_new_code"');
});

it('words plain errors as internal ones', () => {
	expect(wordError(new TypeError('boom')).code).toBe('internal');
	expect(errorText(new TypeError('boom'))).toMatch(/Reload the page.*\(boom\)$/);
});

it('reads the position of a query parse error from its details', () => {
	const err = new HindsightError('query_failed', 'Unexpected token', {
		kind: 'ParsingError',
		line: 2,
		column: 5,
		offset: 17
	});
	expect(queryErrorPosition(err)).toEqual({ line: 2, column: 5, offset: 17 });
	expect(
		queryErrorPosition(new HindsightError('query_failed', 'x', { kind: 'TypeError' }))
	).toBeNull();
});
