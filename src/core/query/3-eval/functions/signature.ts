/**
 * How built-ins declare their parameters. A function is defined by a list of converters, one per
 * parameter; calling it checks the number of arguments first ("expected N, got M"), then
 * converts the arguments in order and reports the first failure (section 5.3), then runs.
 * Failures raised by transforms (HindsightError `regex_compile`, `invalid_argument`) become the
 * query language's RegexCompileError and InvalidFunctionParameters.
 */
import { HindsightError } from '../../../errors';
import type { Event } from '../../../model/event';
import {
	invalidArgument,
	invalidParameter,
	regexCompileFailed,
	wrongArgumentCount,
	type Span
} from '../../errors';
import type { EvalContext } from '../context';
import { describe, isEventList, QueryFunction, type Value } from '../values';

/** Where an argument sits, for messages. `position` is 1-based. */
export type ArgSite = { fn: string; position: number; span?: Span };

/** Checks and converts one argument; throws InvalidFunctionParameters (or another kind). */
export type Converter<T> = (value: Value, at: ArgSite) => T;

type Converters<A extends unknown[]> = { [K in keyof A]: Converter<A[K]> };

type Run<A> = (args: A, ctx: EvalContext, span?: Span) => Value | Promise<Value>;

/** Reports an argument of the wrong type. */
export function mismatch(at: ArgSite, expected: string, value: Value): never {
	invalidArgument(at.fn, at.position, expected, describe(value), at.span);
}

/** Any value, unchecked. */
export const anyValue: Converter<Value> = (value) => value;

/** A List whose every element is an Event. */
export const events: Converter<readonly Event[]> = (value, at) =>
	isEventList(value) ? value : mismatch(at, 'a list of events', value);

/** A String. */
export const string: Converter<string> = (value, at) =>
	typeof value === 'string' ? value : mismatch(at, 'a String', value);

/** A Number. */
export const number: Converter<number> = (value, at) =>
	typeof value === 'number' ? value : mismatch(at, 'a Number', value);

/** A List of anything. */
export const list: Converter<readonly Value[]> = (value, at) =>
	Array.isArray(value) ? value : mismatch(at, 'a List', value);

/** A List of Strings. */
export const stringList: Converter<readonly string[]> = (value, at) => {
	if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
		mismatch(at, 'a List of Strings', value);
	}
	return value as readonly string[];
};

function expectedCount(min: number, max: number): string {
	if (min === max) return String(min);
	if (max === Infinity) return `at least ${min}`;
	return max === min + 1 ? `${min} or ${max}` : `${min} to ${max}`;
}

/** Maps a transform's HindsightError to the query language's kinds; passes others on. */
export function mapTransformError(err: unknown, fn: string, span?: Span): never {
	if (err instanceof HindsightError && err.code === 'regex_compile') {
		const pattern = typeof err.details?.pattern === 'string' ? err.details.pattern : '';
		const reason = typeof err.details?.reason === 'string' ? err.details.reason : err.message;
		regexCompileFailed(pattern, reason, span, err);
	}
	if (err instanceof HindsightError && err.code === 'invalid_argument') {
		invalidParameter(fn, err.message, span, err);
	}
	throw err;
}

function build(
	name: string,
	convert: (value: Value, index: number) => Converter<unknown>,
	min: number,
	max: number,
	run: Run<unknown[]>
): QueryFunction {
	return new QueryFunction(name, async (args, ctx, span) => {
		if (args.length < min || args.length > max) {
			wrongArgumentCount(name, expectedCount(min, max), args.length, span);
		}
		const converted = args.map((value, i) =>
			convert(value, i)(value, { fn: name, position: i + 1, span })
		);
		try {
			return await run(converted, ctx, span);
		} catch (err) {
			mapTransformError(err, name, span);
		}
	});
}

/**
 * Defines a function with fixed parameters; the last `params.length - required` of them are
 * optional (absent ones reach `run` as undefined).
 */
export function define<A extends unknown[]>(
	name: string,
	params: Converters<A>,
	run: Run<A>,
	required: number = params.length
): QueryFunction {
	const list = params as Converter<unknown>[];
	return build(name, (_v, i) => list[i], required, list.length, run as Run<unknown[]>);
}

/** Defines a function taking any number of arguments of one kind. */
export function defineVariadic<T>(name: string, param: Converter<T>, run: Run<T[]>): QueryFunction {
	return build(name, () => param, 0, Infinity, run as Run<unknown[]>);
}
