/**
 * A fast path for `split_url_events`: the parts of URLs simple enough that the WHATWG URL
 * parser provably gives them back unchanged, read with one scan instead of building a `URL`
 * (whose construction and four getters dominate a month's first split: tens of thousands of
 * distinct URLs).
 *
 * A URL is simple when it is `http://` or `https://` (lower-case) followed by:
 * - a host of ASCII letters, digits, `-` and `.`: 1 to 253 characters in labels of 1 to 63, no
 *   label with `--` at its third and fourth characters (so no `xn--` label, which would be
 *   decoded and checked as punycode), and a last label neither all digits nor starting with
 *   `0x` (either would make the host an IPv4 address, rewritten or rejected);
 * - optionally a path from `/` of letters, digits and `-._~!$&'()*+,;=:@/`, with no segment `.`
 *   or `..` (which the parser resolves);
 * - optionally `?` and a query of letters, digits and `-._~!$&()*+,;=:@/?%`;
 * - optionally `#` and anything at all.
 *
 * Why the parser's output is then the input's own text: no character before `#` is one that the
 * parser strips (C0 controls, space), removes (tab, newline), treats as a separator (`\`),
 * percent-encodes in that part (space, `"`, `<`, `>`, `` ` ``, `{`, `}`, `^`, `'` in a query, any
 * non-ASCII) or reads as credentials or a port (`@`, `:` in the host); there is no percent
 * escape in the host or path to decode, and the host needs only ASCII lower-casing. The
 * fragment is not part of any output, and nothing in it can make parsing fail. The tests hold
 * this against the `URL` parser on generated URLs near each of these boundaries.
 */

/** The four parts `split_url_events` adds to an event's data. */
export type UrlParts = { $protocol: string; $domain: string; $path: string; $params: string };

const HOST = 1;
const PATH = 2;
const QUERY = 4;

/** For each ASCII code, the parts of a simple URL (HOST, PATH, QUERY bits) it may appear in. */
const ALLOWED = new Uint8Array(128);

function allow(chars: string, parts: number): void {
	for (let i = 0; i < chars.length; i++) ALLOWED[chars.charCodeAt(i)] |= parts;
}

allow('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.', HOST | PATH | QUERY);
allow('_~!$&()*+,;=:@/', PATH | QUERY);
allow("'", PATH);
allow('?%', QUERY);

const SLASH = 0x2f;
const DOT = 0x2e;
const QUESTION = 0x3f;
const HASH = 0x23;

/** The index of the first character from `start` on that may not appear in `part`. */
function scan(text: string, start: number, part: number): number {
	let i = start;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		if (code >= 128 || (ALLOWED[code] & part) === 0) break;
		i++;
	}
	return i;
}

function isDigits(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x30 || code > 0x39) return false;
	}
	return true;
}

/** True when the label `text[start, end)` keeps its text through the host parser. */
function isPlainLabel(text: string, start: number, end: number, last: boolean): boolean {
	const length = end - start;
	if (length < 1 || length > 63) return false;
	if (length >= 4 && text.charCodeAt(start + 2) === 0x2d && text.charCodeAt(start + 3) === 0x2d) {
		return false;
	}
	if (!last) return true;
	const hex =
		length >= 2 && text.charCodeAt(start) === 0x30 && (text.charCodeAt(start + 1) | 0x20) === 0x78;
	return !hex && !isDigits(text, start, end);
}

/** True when `text[start, end)` (host characters only) is a simple host. */
function isPlainHost(text: string, start: number, end: number): boolean {
	if (end - start < 1 || end - start > 253) return false;
	let label = start;
	for (let i = start; i <= end; i++) {
		if (i < end && text.charCodeAt(i) !== DOT) continue;
		if (!isPlainLabel(text, label, i, i === end)) return false;
		label = i + 1;
	}
	return true;
}

/** True when a segment of the path `text[start, end)` is `.` or `..`. */
function hasDotSegment(text: string, start: number, end: number): boolean {
	let segment = start + 1;
	for (let i = segment; i <= end; i++) {
		if (i < end && text.charCodeAt(i) !== SLASH) continue;
		const length = i - segment;
		const dots = length >= 1 && length <= 2 && text.charCodeAt(segment) === DOT;
		if (dots && (length === 1 || text.charCodeAt(segment + 1) === DOT)) return true;
		segment = i + 1;
	}
	return false;
}

/** `www.` prefixes removed repeatedly: `www.www.x.com` gives `x.com`, `www.` gives `""`. */
export function stripWww(host: string): string {
	let start = 0;
	while (host.startsWith('www.', start)) start += 4;
	return host.slice(start);
}

/**
 * The parts of `text` when it is a simple URL (see the module comment), exactly as the URL
 * parser would give them; null for any other string, which the caller must then parse.
 */
export function splitSimpleUrl(text: string): UrlParts | null {
	const secure = text.startsWith('https://');
	if (!secure && !text.startsWith('http://')) return null;
	const hostStart = secure ? 8 : 7;
	const hostEnd = scan(text, hostStart, HOST);
	if (!isPlainHost(text, hostStart, hostEnd)) return null;

	let i = hostEnd;
	let path = '/';
	if (text.charCodeAt(i) === SLASH) {
		const end = scan(text, i, PATH);
		if (hasDotSegment(text, i, end)) return null;
		path = text.slice(i, end);
		i = end;
	}

	let params = '';
	if (text.charCodeAt(i) === QUESTION) {
		const end = scan(text, i + 1, QUERY);
		params = text.slice(i + 1, end);
		i = end;
	}
	if (i < text.length && text.charCodeAt(i) !== HASH) return null;

	const $domain = stripWww(text.slice(hostStart, hostEnd).toLowerCase());
	return { $protocol: secure ? 'https' : 'http', $domain, $path: path, $params: params };
}
