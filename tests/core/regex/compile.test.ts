import { describe, expect, it } from 'vitest';
import { compileRegex, supportsModifierGroups } from '../../../src/core/regex';
import { events, vectorsFor } from '../transforms/helpers';

describe('compileRegex on the regex vectors (query-vectors.md T72-T78, T88-T90)', () => {
	for (const vector of vectorsFor('filter_keyvals_regex')) {
		const [input, key, pattern] = vector.args as [unknown, string, string];
		it(`${vector.id}: ${vector.title}`, () => {
			if (vector.error !== undefined) {
				expect(() => compileRegex(pattern)).toThrowError(
					expect.objectContaining({ code: 'regex_compile' })
				);
				return;
			}
			const kept = new Set(events(vector.expected!).map((e) => e.timestamp));
			const re = compileRegex(pattern);
			for (const event of events(input as never)) {
				const value = event.data[key];
				if (typeof value !== 'string') continue;
				expect(re.test(value), value).toBe(kept.has(event.timestamp));
			}
		});
	}

	it('T88: ignore_case with (?i) already in the pattern folds Greek case', () => {
		expect(compileRegex('(?i)σίσυφος', true).test('ΣΊΣΥΦΟΣ')).toBe(true);
		expect(compileRegex('σίσυφος').test('ΣΊΣΥΦΟΣ')).toBe(false);
	});

	it('T89: supports negative lookahead', () => {
		const re = compileRegex('testing (?!lookahead)');
		expect(re.test('testing other')).toBe(true);
		expect(re.test('testing lookahead')).toBe(false);
	});

	it('T90: rejects ( with regex_compile', () => {
		expect(() => compileRegex('(')).toThrowError(
			expect.objectContaining({ code: 'regex_compile' })
		);
	});
});

describe('compileRegex', () => {
	it('caches by pattern and ignore_case', () => {
		expect(compileRegex('a+b')).toBe(compileRegex('a+b'));
		expect(compileRegex('a+b', true)).toBe(compileRegex('a+b', true));
		expect(compileRegex('a+b', true)).not.toBe(compileRegex('a+b'));
	});

	it('exposes the pattern and the translation, and never uses the g or y flags', () => {
		const re = compileRegex('(?i)\\d', false);
		expect(re.source).toBe('(?i)\\d');
		expect(re.ignoreCase).toBe(false);
		expect(re.jsSource).toBe('[\\p{Nd}]');
		expect(re.jsFlags).toBe('ui');
	});

	it('gives the same answer on repeated tests (no lastIndex state)', () => {
		const re = compileRegex('a');
		expect([re.test('a'), re.test('a'), re.test('a')]).toEqual([true, true, true]);
	});

	it('detects modifier-group support once and consistently', () => {
		expect(supportsModifierGroups()).toBe(supportsModifierGroups());
		let native = true;
		try {
			new RegExp('(?i:a)', 'u');
		} catch {
			native = false;
		}
		expect(supportsModifierGroups()).toBe(native);
	});
});

describe('compileRegex errors', () => {
	const rejected: [string, string][] = [
		['[a-z&&[^aeiou]]', 'set operations'],
		['[a--b]', 'set operations'],
		['[a~~b]', 'set operations'],
		['[a[bc]]', 'nested'],
		['(?>a)', 'atomic'],
		['a++', 'possessive'],
		['a*+', 'possessive'],
		['a?+', 'possessive'],
		['a{2}+', 'possessive'],
		['(?U)a', 'swap-greed'],
		['(', 'unclosed group'],
		['(a(b)', 'unclosed group'],
		[')', 'unbalanced'],
		['a)', 'unbalanced'],
		['[a', 'unclosed character class'],
		['[]', 'unclosed character class'],
		['*a', 'repetition'],
		['a|*', 'repetition'],
		['a**', 'repetition'],
		['^*', 'repetition'],
		['(?i)*', 'repetition'],
		['a{2,1}', 'minimum above its maximum'],
		['a{', 'counted repetition'],
		['a{x}', 'counted repetition'],
		['\\q', 'unsupported escape'],
		['\\0', '\\0'],
		['a\\', 'lone backslash'],
		['(?z)', "unknown flag 'z'"],
		['(?ii)', 'repeated'],
		['(?i-)', 'incomplete flag group'],
		['(?)', 'incomplete flag group'],
		['\\p{Nope}', 'unknown Unicode property'],
		['\\p1', '\\p needs a property'],
		['\\x{110000}', 'not a Unicode scalar value'],
		['\\x{D800}', 'not a Unicode scalar value'],
		['\\xZZ', 'hexadecimal'],
		['[[:foo:]]', 'unknown POSIX class'],
		['[z-a]', 'out of order'],
		['[a-\\d]', 'single character'],
		['[\\d-z]', 'class escape'],
		['[\\b]', 'unsupported escape'],
		['\\b{wrong}', 'unknown word boundary'],
		['(?#open', 'unclosed comment'],
		['(?P>name)', 'unsupported group'],
		['(?P=name', 'unclosed'],
		['(?<name', 'group name'],
		['\\1', 'Invalid'],
		['(a)\\2', 'Invalid'],
		['(?<a b>x)', 'Invalid']
	];
	for (const [pattern, reason] of rejected) {
		it(`rejects ${JSON.stringify(pattern)} (${reason})`, () => {
			let error: unknown;
			try {
				compileRegex(pattern);
			} catch (err) {
				error = err;
			}
			expect(error).toMatchObject({
				name: 'HindsightError',
				code: 'regex_compile',
				details: { kind: 'RegexCompileError', pattern }
			});
			expect((error as Error).message).toContain(`'${pattern}'`);
			expect((error as Error).message).toContain(reason);
		});
	}
});
