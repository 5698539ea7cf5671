/**
 * The fast path of `split_url_events` against the URL parser it stands in for: on every string,
 * `splitUrl` (fast path first) gives exactly what `splitParsedUrl` (the parser alone) gives, and
 * the fast path either declines or agrees. The generated URLs sit on both sides of each of the
 * fast path's boundaries: schemes, host labels (punycode, IPv4-like, empty, long), ports and
 * credentials, dot segments, percent escapes, characters the parser encodes, and fragments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSimpleUrl } from '../../../src/core/transforms/simple-url';
import { splitParsedUrl, splitUrl } from '../../../src/core/transforms/split-url';

const SAFE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.';
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const ODD = ['\t', '\n', '\r', '\0', '\x7f', '\\', '%2e', '%2E', '%41', 'é', 'ß', 'Ａ', '\u3000'];

/** A character from `safe` most of the time, else any printable ASCII or an odd one. */
function charOf(safe: string): fc.Arbitrary<string> {
	return fc.oneof(
		{ weight: 40, arbitrary: fc.constantFrom(...safe) },
		{ weight: 2, arbitrary: fc.constantFrom(...PRINTABLE) },
		{ weight: 1, arbitrary: fc.constantFrom(...ODD) }
	);
}

const textOf = (safe: string, maxLength: number, minLength = 0) =>
	fc.array(charOf(safe), { minLength, maxLength }).map((chars) => chars.join(''));

const scheme = fc.oneof(
	{ weight: 8, arbitrary: fc.constantFrom('http://', 'https://') },
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'HTTP://',
			'Https://',
			'http:/',
			'http:',
			'http:///',
			'https:\\\\',
			'ftp://',
			'ws://',
			'file://',
			' http://',
			'httpx://'
		)
	}
);

const label = fc.oneof(
	{ weight: 8, arbitrary: textOf(SAFE.replace('.', ''), 12, 1) },
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'www',
			'xn--mnchen-3ya',
			'XN--a',
			'ab--cd',
			'a--',
			'0x1f',
			'0X',
			'0xg',
			'0',
			'123',
			'08',
			'',
			'a'.repeat(63),
			'b'.repeat(64)
		)
	}
);

const host = fc.oneof(
	{ weight: 8, arbitrary: fc.array(label, { minLength: 1, maxLength: 5 }).map((l) => l.join('.')) },
	{
		weight: 1,
		arbitrary: fc.constantFrom('[::1]', '127.0.0.1', 'a.com:443', 'u:p@a.com', 'a.com:')
	},
	{ weight: 1, arbitrary: fc.constant(`${'c'.repeat(60)}.`.repeat(5) + 'com') }
);

const PATH_SAFE = SAFE + "_~!$&'()*+,;=:@/";
const segment = fc.oneof(
	{ weight: 6, arbitrary: textOf(PATH_SAFE.replace('/', ''), 8) },
	{ weight: 1, arbitrary: fc.constantFrom('.', '..', '...', '.a', '%2e', '.%2E', '') }
);
const path = fc.array(segment, { maxLength: 4 }).map((s) => (s.length ? `/${s.join('/')}` : ''));
const query = fc.option(
	textOf(PATH_SAFE + '?%', 12).map((q) => `?${q}`),
	{ nil: '' }
);
const fragment = fc.option(
	fc
		.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 6 })
		.map((codes) => `#${String.fromCharCode(...codes)}`),
	{ nil: '' }
);

/** URLs built part by part, mostly of the simple form, often just outside it. */
const url = fc
	.tuple(scheme, host, path, query, fragment, fc.oneof(fc.constant(''), textOf(PRINTABLE, 3)))
	.map((parts) => parts.join(''));

describe('splitSimpleUrl', () => {
	it('agrees with the URL parser on every URL it accepts', () => {
		let accepted = 0;
		fc.assert(
			fc.property(url, (text) => {
				const fast = splitSimpleUrl(text);
				if (fast === null) return;
				accepted++;
				expect(fast).toEqual(splitParsedUrl(text));
			}),
			{ numRuns: 10_000 }
		);
		expect(accepted).toBeGreaterThan(1000);
	});

	it('accepts http and https URLs of plain hosts, paths and queries', () => {
		const simple = fc
			.tuple(
				fc.constantFrom('http://', 'https://'),
				fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), { minLength: 1, maxLength: 4 }),
				fc.array(fc.stringMatching(/^[\w~!$&'()*+,;=:@-]{1,8}$/), { maxLength: 4 }),
				fc.stringMatching(/^(\?[\w~!$&()*+,;=:@/?%.-]*)?(#.*)?$/)
			)
			.filter(([, labels]) => labels.every((l) => l.slice(2, 4) !== '--'))
			.map(([s, labels, segments, rest]) => {
				const p = segments.length ? `/${segments.join('/')}` : '';
				return `${s}${labels.join('.')}${p}${rest}`;
			});
		fc.assert(
			fc.property(simple, (text) => {
				const fast = splitSimpleUrl(text);
				expect(fast).not.toBeNull();
				expect(fast).toEqual(splitParsedUrl(text));
			}),
			{ numRuns: 2000 }
		);
	});

	const declined = [
		'https://münchen.de/',
		'https://xn--mnchen-3ya.de/',
		'http://0x7f.1/',
		'http://1.2.3.4/',
		'http://example.123/',
		'http://a..b/',
		'http://a.com./',
		'http://.a.com/',
		'http://a.com:80/',
		'http://u@a.com/',
		'http://[::1]/',
		'http://a_b.com/',
		'http://a.com/x/../y',
		'http://a.com/./y',
		'http://a.com/%2e/y',
		'http://a.com/a b',
		'http://a.com/a\\b',
		'http://a.com/a^b',
		"http://a.com/?a'b",
		'http://a.com/é',
		'HTTP://a.com/',
		'http:///a.com',
		'http://',
		`http://${'a'.repeat(64)}.com/`
	];
	for (const text of declined) {
		it(`declines ${JSON.stringify(text)}, which the parser handles`, () => {
			expect(splitSimpleUrl(text)).toBeNull();
		});
	}

	it('lower-cases the host, strips www. and takes the path and query as written', () => {
		expect(splitSimpleUrl("https://WWW.www.Example.COM/A/b.c/'x'?Q=%20&r=/?#frag ment")).toEqual({
			$protocol: 'https',
			$domain: 'example.com',
			$path: "/A/b.c/'x'",
			$params: 'Q=%20&r=/?'
		});
		expect(splitSimpleUrl('http://a.com?')).toEqual({
			$protocol: 'http',
			$domain: 'a.com',
			$path: '/',
			$params: ''
		});
	});
});

describe('splitUrl', () => {
	it('gives exactly what the URL parser gives, on URLs and on any other string', () => {
		const anyText = fc.oneof(url, fc.string(), textOf(PRINTABLE, 30));
		fc.assert(
			fc.property(anyText, (text) => {
				expect(splitUrl(text)).toEqual(splitParsedUrl(text));
			}),
			{ numRuns: 5000 }
		);
	});
});
