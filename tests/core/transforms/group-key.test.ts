import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual, type JsonValue } from '../../../src/core/model/json';
import { valueKey } from '../../../src/core/transforms/group-key';

const small: fc.Arbitrary<JsonValue> = fc.oneof(
	fc.constantFrom<JsonValue>(
		0,
		1,
		1.5,
		-0,
		15,
		2,
		5.2,
		true,
		false,
		null,
		'',
		's',
		's1:',
		'1',
		','
	),
	fc.string({ maxLength: 4 })
);
const value: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
	v: fc.oneof(
		{ depthSize: 'small' },
		small,
		fc.array(tie('v'), { maxLength: 3 }),
		fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('v'), { maxKeys: 3 })
	)
})).v;

describe('valueKey', () => {
	it('gives equal keys exactly to deeply equal values', () => {
		fc.assert(
			fc.property(value, value, (a, b) => {
				expect(valueKey(a) === valueKey(b)).toBe(jsonEqual(a, b));
			}),
			{ numRuns: 2000 }
		);
	});

	it('ignores object key order and compares numbers by value', () => {
		expect(valueKey({ a: 1, b: [2] })).toBe(valueKey({ b: [2.0], a: 1 }));
		expect(valueKey(-0)).toBe(valueKey(0));
		expect(valueKey('1')).not.toBe(valueKey(1));
		expect(valueKey(true)).not.toBe(valueKey(1));
	});
});
