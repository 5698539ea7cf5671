/**
 * One block per translation rule of query-language.md 11.3, each with subjects that must match
 * and subjects that must not (the Rust dialect's meaning), run through compileRegex.
 */
import { describe, expect, it } from 'vitest';
import { compileRegex, translatePattern } from '../../../src/core/regex';

type Case = [pattern: string, matches: string[], misses: string[], ignoreCase?: boolean];

function run(cases: Case[]): void {
	for (const [pattern, matches, misses, ignoreCase = false] of cases) {
		it(`${JSON.stringify(pattern)}${ignoreCase ? ' (ignore_case)' : ''}`, () => {
			const re = compileRegex(pattern, ignoreCase);
			for (const subject of matches) expect(re.test(subject), subject).toBe(true);
			for (const subject of misses) expect(re.test(subject), subject).toBe(false);
		});
	}
}

describe('leading inline flags', () => {
	run([
		['(?i)foo', ['FOO', 'xFoOx'], ['fo']],
		['(?i)(?i)foo', ['FOO'], ['f0o']],
		['(?i)foo', ['FOO'], ['bar'], true],
		['(?is)a.b', ['A\nB'], ['AB']],
		['(?s)a.b', ['a\nb'], ['a\n\nb']],
		['(?m)^b$', ['a\nb\nc'], ['a\nbc']],
		['(?x) a b # comment\n c', ['abc'], ['a b c']],
		['(?i)(?-i)foo', ['foo'], ['FOO']],
		['(?-i)foo', ['foo'], ['FOO'], true]
	]);
});

describe('ignore_case', () => {
	run([
		['straße', ['STRASSE'.toLowerCase().replace('ss', 'ß'), 'STRAẞE'], ['strasse'], true],
		['σίσυφος', ['ΣΊΣΥΦΟΣ'], ['σισυφος'], true],
		['k', ['K', '\u212A'], ['x'], true]
	]);
});

describe('mid-pattern s, m and x flags are applied by the translation', () => {
	run([
		['a(?s).b', ['a\nb'], ['a\rX']],
		['a(?s:.)b.', ['a\nbX'], ['a\nb\n']],
		['(?s:.)(?-s:.)', ['\n\r'], ['\n\n']],
		['x(?m:^y)', [], ['x\ny', 'xy']],
		['a\n(?m:^b$)\nc', ['a\nb\nc'], ['a\nbb\nc']],
		['a(?x) b c', ['abc'], ['a b c']],
		['(?:(?x) a b)c d', ['abc d'], ['abcd']]
	]);

	it('restores flags when the group closes', () => {
		expect(compileRegex('((?s).).').test('\n\n')).toBe(false);
		expect(compileRegex('((?s).).').test('\nx')).toBe(true);
	});
});

describe('mid-pattern and scoped case flags', () => {
	const translate = (pattern: string, ignoreCase = false) =>
		translatePattern(pattern, ignoreCase, { modifierGroups: true });

	it('become modifier groups that end with the enclosing group and repeat after |', () => {
		expect(translate('a(?i)b|c').source).toBe('a(?i:b)|(?i:c)');
		expect(translate('(x(?i)y)z').source).toBe('(x(?i:y))z');
		expect(translate('a(?i)b(?-i)c').source).toBe('a(?i:b)c');
		expect(translate('(?i:a)b').source).toBe('(?i:a)b');
		expect(translate('(?-i:a)b', true)).toEqual({ source: '(?-i:a)b', flags: 'ui' });
		expect(translate('(?i)a(?i:b)').source).toBe('a(?:b)');
	});

	it('fail with regex_compile where the runtime lacks modifier groups', () => {
		for (const pattern of ['a(?i)b', '(?i:a)b', 'x(?i)y|z']) {
			expect(() => translatePattern(pattern, false, { modifierGroups: false })).toThrowError(
				expect.objectContaining({ code: 'regex_compile' })
			);
		}
		for (const pattern of ['(?-i:a)', 'x(?-i)y']) {
			expect(() => translatePattern(pattern, true, { modifierGroups: false })).toThrowError(
				expect.objectContaining({ code: 'regex_compile' })
			);
		}
	});

	it('need no modifier group when the case flag does not change', () => {
		const options = { modifierGroups: false };
		expect(translatePattern('a(?i)b(?i:c)', true, options)).toEqual({
			source: 'ab(?:c)',
			flags: 'ui'
		});
		expect(translatePattern('a(?-i)b(?-i:c)', false, options).source).toBe('ab(?:c)');
	});
});

describe('named groups, backreferences and comments', () => {
	run([
		['^(?P<w>a+)-(?P=w)$', ['aa-aa'], ['aa-a']],
		['^(?<w>ab)\\k<w>$', ['abab'], ['abba']],
		['^(a)(b)\\2\\1$', ['abba'], ['abab']],
		['^(a)\\1{2}$', ['aaa'], ['aa']],
		['a(?#a comment)b', ['ab'], ['a(?#a comment)b']]
	]);

	it('keeps digits after a backreference literal', () => {
		expect(compileRegex('^(a)\\1 0$').test('aa 0')).toBe(true);
	});
});

describe('\\A, \\z and \\Z', () => {
	run([
		['\\Aab', ['abc'], ['cab', 'x\nab']],
		['ab\\z', ['cab'], ['ab\n', 'abc']],
		['(?m)\\Aab\\z', ['ab'], ['x\nab', 'ab\nx']],
		['ab\\Z', ['ab', 'ab\n'], ['ab\n\n', 'abc']]
	]);
});

describe('$ and ^', () => {
	run([
		['abc$', ['abc', 'xabc'], ['abc\n', 'abc\r']],
		['^abc', ['abc'], ['\nabc']],
		['(?m)c$', ['abc\nd', 'abc'], ['abc\r\nd']],
		['(?mR)c$', ['abc\r\nd', 'abc\rd'], ['abcd']],
		['(?mR)^d', ['abc\r\nd', 'abc\rd', 'd'], ['abcd']]
	]);
});

describe('.', () => {
	run([
		['a.b', ['a\rb', 'a\u2028b', 'a\u2029b', 'a😀b'], ['a\nb', 'ab']],
		['(?s)a.b', ['a\nb'], ['ab']],
		['(?R)a.b', ['a b'], ['a\rb', 'a\nb']],
		['^.$', ['😀'], ['😀😀']]
	]);
});

describe('Unicode \\d and \\D', () => {
	run([
		['^\\d$', ['3', '٣', '৩'], ['x', '³', '']],
		['^\\D$', ['x', '³'], ['3', '٣']],
		['(?-u)^\\d$', ['3'], ['٣']]
	]);
});

describe('Unicode \\w and \\W, also inside classes', () => {
	run([
		['^\\w+$', ['héllo_1', 'Ωμέγα', 'नमस्ते', '٣x'], ['a b', 'a-b']],
		['^\\W$', ['-', ' ', '€'], ['é', '_']],
		['^[\\w-]+$', ['ab-ç'], ['a b']],
		['^[^\\w]$', ['-'], ['é']],
		['^[\\W\\d]+$', ['- 3 ٣'], ['a']],
		['^[^\\Wé]+$', ['ab'], ['é', '-']],
		['(?-u)^\\w+$', ['abc_1'], ['é']],
		['(?-u)^[^\\W]$', ['a'], ['é', '-']]
	]);
});

describe('Unicode \\b and \\B', () => {
	run([
		['\\bvim\\b', ['vim', 'a vim b', 'vim.'], ['évim', 'vimé', 'vim_', 'nvim']],
		['\\Bvim\\B', ['évimé', 'xvimx'], ['vim', 'a vim']],
		['\\b', ['é'], ['', ' - ']],
		['\\<vim\\>', ['a vim b'], ['évim']],
		['\\b{start}vim\\b{end}', ['a vim'], ['vimé']],
		['\\b{start-half}vim\\b{end-half}', ['vim', ' vim '], ['avim', 'vima']],
		['(?-u)\\bvim\\b', ['évim'], ['avim']]
	]);
});

describe('\\s', () => {
	run([
		['^a\\sb$', ['a b', 'a\tb', 'a\u00a0b', 'a\u2003b', 'a\u0085b'], ['ab', 'a\ufeffb']],
		['^\\S+$', ['abc'], ['a b']]
	]);
});

describe('Unicode properties', () => {
	run([
		['^\\pL+$', ['abcé', 'Ωμ'], ['a1']],
		['^\\PL$', ['1'], ['a']],
		['^\\p{L}$', ['é'], ['1']],
		['^\\p{Lu}$', ['É'], ['é']],
		['^\\p{Greek}+$', ['Ωμέγα'], ['abc']],
		['^\\p{greek}$', ['Ω'], ['a']],
		['^\\p{sc=Greek}$', ['Ω'], ['a']],
		['^\\p{Script_Extensions=Latin}$', ['a'], ['Ω']],
		['^\\p{^Greek}$', ['a'], ['Ω']],
		['^\\P{Greek}$', ['a'], ['Ω']],
		['^\\p{White_Space}$', [' '], ['a']],
		['^[\\p{Greek}\\d]+$', ['Ω3'], ['a']]
	]);
});

describe('code point escapes', () => {
	run([
		['^\\x{1F600}$', ['😀'], ['x']],
		['^\\x{10FFFF}$', ['\u{10FFFF}'], ['x']],
		['^\\x7F$', ['\x7f'], ['x']],
		['^\\x41\\u0042\\U00000043\\u{44}$', ['ABCD'], ['abcd']],
		['^[\\x{41}-\\x{43}]+$', ['ABC'], ['D']],
		['^\\a\\e\\f\\n\\r\\t\\v$', ['\x07\x1b\f\n\r\t\v'], ['x']]
	]);
});

describe('escaped punctuation', () => {
	run([
		['^\\-\\\'\\ \\#\\&\\~\\@\\"\\%\\,\\:\\;\\=\\!$', ['-\' #&~@"%,:;=!'], ['-']],
		['^\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/\\\\\\^\\$$', ['.*+?()[]{}|/\\^$'], ['x']],
		['^a\\.b$', ['a.b'], ['axb']],
		['^[\\-\\]\\[\\^\\\\]+$', ['-][^\\'], ['a']],
		['^[\\&\\~\\#]+$', ['&~#'], ['a']]
	]);
});

describe('literal ] and } outside classes', () => {
	run([['^a]}$', ['a]}'], ['a']]]);
});

describe('] first in a class', () => {
	run([
		['^[]a]+$', [']a]'], ['b']],
		['^[^]a]$', ['b'], [']', 'a']],
		['^[]]$', [']'], ['a']]
	]);
});

describe('ranges and dashes in classes', () => {
	run([
		['^[a-c]+$', ['abc'], ['d']],
		['^[-a]+$', ['-a'], ['b']],
		['^[a-]+$', ['-a'], ['b']],
		['^[\\w.-]+$', ['a.b-c'], ['a b']],
		['^[a-c-e]+$', ['ab-e'], ['d']],
		['^[^-]$', ['a'], ['-']],
		['^[😀-😂]$', ['😁'], ['😃', '\ud83d']]
	]);
});

describe('POSIX classes', () => {
	run([
		['^[[:alpha:]]+$', ['abcXYZ'], ['é', '1']],
		['^[[:digit:]]+$', ['0123'], ['٣']],
		['^[[:space:]]+$', [' \t\n\v\f\r'], ['\u00a0']],
		['^[[:alnum:]_]+$', ['a_1'], ['-']],
		['^[[:upper:][:digit:]]+$', ['A1'], ['a']],
		['^[[:^alpha:]]+$', ['1-é'], ['a']],
		['^[^[:punct:]]+$', ['abc'], ['!']],
		['^[[:xdigit:]]+$', ['09afAF'], ['g']],
		['^[[:word:]]+$', ['a_1'], ['-']],
		['(?i)^[[:upper:]]+$', ['abc'], ['1']]
	]);
});

describe('look-around, lazy and counted repetition are kept', () => {
	run([
		['testing (?!lookahead)', ['testing other'], ['testing lookahead']],
		['(?=.*b)a', ['ab'], ['a']],
		['(?<=x)a', ['xa'], ['ya']],
		['(?<!x)a', ['ya'], ['xa']],
		['^a{2,3}$', ['aa', 'aaa'], ['a', 'aaaa']],
		['^a{2}$', ['aa'], ['aaa']],
		['^a{2,}$', ['aaaa'], ['a']],
		['^a{ 2 , 3 }$', ['aa'], ['a']],
		['^<.+?>', ['<a><b>'], ['<>']],
		['^(a|)$', ['', 'a'], ['b']]
	]);

	it('keeps lazy quantifiers lazy', () => {
		const { source } = translatePattern('a+?b*?c??d{1,2}?', false, { modifierGroups: false });
		expect(source).toBe('a+?b*?c??d{1,2}?');
	});
});

describe('verbose mode', () => {
	run([
		['(?x)^ a \\  b $', ['a b'], ['ab']],
		['(?x)^[ #]+$', [' #'], ['a']],
		['(?x)^a # comment with ) and [\nb$', ['ab'], ['a b']],
		['(?x)^a\\#b$', ['a#b'], ['ab']],
		['(?x)^a + $', ['aaa'], ['']]
	]);
});

describe('the empty pattern', () => {
	run([['', ['', 'anything'], []]]);
});
