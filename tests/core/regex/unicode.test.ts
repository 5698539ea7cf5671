import { describe, expect, it } from 'vitest';
import { posixMembers, resolveProperty } from '../../../src/core/regex/unicode';

describe('resolveProperty', () => {
	it('keeps general categories and binary properties', () => {
		expect(resolveProperty('L')).toBe('L');
		expect(resolveProperty('Lu')).toBe('Lu');
		expect(resolveProperty('Letter')).toBe('Letter');
		expect(resolveProperty('White_Space')).toBe('White_Space');
		expect(resolveProperty('Alphabetic')).toBe('Alphabetic');
	});

	it('adds Script= to script names and accepts loose spellings', () => {
		expect(resolveProperty('Greek')).toBe('Script=Greek');
		expect(resolveProperty('greek')).toBe('Script=Greek');
		expect(resolveProperty('old italic')).toBe('Script=Old_Italic');
		expect(resolveProperty('whitespace')).toBe('White_Space');
		expect(resolveProperty('uppercase_letter')).toBe('Uppercase_Letter');
	});

	it('maps the key forms sc, scx and gc', () => {
		expect(resolveProperty('sc=Greek')).toBe('Script=Greek');
		expect(resolveProperty('scx:Latin')).toBe('Script_Extensions=Latin');
		expect(resolveProperty('gc=Lu')).toBe('General_Category=Lu');
		expect(resolveProperty('General_Category=letter')).toBe('General_Category=Letter');
	});

	it('returns null for unknown names and keys', () => {
		expect(resolveProperty('Klingon')).toBeNull();
		expect(resolveProperty('zz=Greek')).toBeNull();
		expect(resolveProperty('L}|x')).toBeNull();
	});
});

describe('posixMembers', () => {
	it('spells the ASCII ranges and their complement over all of Unicode', () => {
		expect(posixMembers('digit', false)).toBe('\\u{30}-\\u{39}');
		expect(posixMembers('digit', true)).toBe('\\u{0}-\\u{2F}\\u{3A}-\\u{10FFFF}');
		expect(posixMembers('ascii', true)).toBe('\\u{80}-\\u{10FFFF}');
		expect(posixMembers('nope', false)).toBeNull();
	});
});
