import { describe, expect, it } from 'vitest';
import {
	categoriesLiteral,
	categoryFilterLiteral,
	regexRule
} from '../../../src/core/queries/categories';

describe('regexRule', () => {
	it('has no ignore_case key for a case-sensitive rule', () => {
		expect(regexRule('GitHub')).toStrictEqual({ type: 'regex', regex: 'GitHub' });
		expect(Object.keys(regexRule('GitHub', false))).toEqual(['type', 'regex']);
	});

	it('sets ignore_case to true for a case-insensitive rule', () => {
		expect(regexRule('aw-', true)).toStrictEqual({
			type: 'regex',
			regex: 'aw-',
			ignore_case: true
		});
	});
});

describe('categoriesLiteral', () => {
	it('collapses doubled backslashes so that a pattern arrives verbatim', () => {
		const literal = categoriesLiteral([[['Work'], regexRule('\\bdocs\\.rs')]]);
		expect(literal).toBe('[[["Work"],{"type":"regex","regex":"\\bdocs\\.rs"}]]');
	});
});

describe('categoryFilterLiteral', () => {
	it('writes the selected paths as JSON', () => {
		expect(categoryFilterLiteral([['Work'], ['Media', 'Video']])).toBe(
			'[["Work"],["Media","Video"]]'
		);
	});
});
