import { describe, expect, it } from 'vitest';
import { buildRule, type RuleSpec } from '../../../src/core/transforms';

describe('buildRule', () => {
	it('builds a none rule that never matches', () => {
		const rule = buildRule({ type: 'none' });
		expect(rule.regex).toBeNull();
		expect(rule.match({ title: 'anything' })).toBe(false);
	});

	it('matches any top-level string value, unanchored, and never non-strings', () => {
		const rule = buildRule({ type: 'regex', regex: 'vim' });
		expect(rule.match({ app: 'term', title: 'nvim foo' })).toBe(true);
		expect(rule.match({ list: ['vim'], nested: { t: 'vim' }, n: 1 })).toBe(false);
	});

	it('tests only selected keys and skips missing ones', () => {
		const rule = buildRule({ type: 'regex', regex: 'vim', selectKeys: ['missing', 'title'] });
		expect(rule.match({ app: 'vim', title: 'x' })).toBe(false);
		expect(rule.match({ title: 'vim' })).toBe(true);
	});

	it('matches every string for an empty pattern', () => {
		const rule = buildRule({ type: 'regex', regex: '' });
		expect(rule.match({ t: '' })).toBe(true);
		expect(rule.match({ n: 1 })).toBe(false);
	});

	it('honours ignoreCase', () => {
		expect(buildRule({ type: 'regex', regex: 'abc', ignoreCase: true }).match({ t: 'ABC' })).toBe(
			true
		);
		expect(buildRule({ type: 'regex', regex: 'abc' }).match({ t: 'ABC' })).toBe(false);
	});

	it('rejects empty selectKeys with regex_compile quoting the pattern', () => {
		expect(() => buildRule({ type: 'regex', regex: 'abc', selectKeys: [] })).toThrowError(
			expect.objectContaining({ code: 'regex_compile', message: expect.stringContaining("'abc'") })
		);
	});

	it('rejects patterns that do not compile with regex_compile', () => {
		expect(() => buildRule({ type: 'regex', regex: '(' })).toThrowError(
			expect.objectContaining({ code: 'regex_compile', message: expect.stringContaining("'('") })
		);
	});

	it('rejects unknown types and missing patterns with invalid_argument', () => {
		expect(() => buildRule({ type: 'glob' } as unknown as RuleSpec)).toThrowError(
			expect.objectContaining({
				code: 'invalid_argument',
				message: expect.stringContaining('glob')
			})
		);
		expect(() => buildRule({ type: 'regex' })).toThrowError(
			expect.objectContaining({ code: 'invalid_argument' })
		);
	});
});
