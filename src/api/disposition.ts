/**
 * `Content-Disposition` for export downloads (rest-api.md 4.13). Names made only of HTTP token
 * characters go out bare, as ActivityWatch's servers write them. Anything else (quotes, spaces,
 * slashes, control or non-ASCII characters, which bucket ids may hold) gets a sanitized quoted
 * `filename` for old clients plus the exact name in RFC 6266's `filename*` form.
 */

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Every character outside printable ASCII, and those that break a quoted string or a path. */
const UNSAFE = /[^\x20-\x7e]|["\\/]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** RFC 5987 `value-chars`: attr-chars stay, every other UTF-8 byte is percent-encoded. */
function encodeExtValue(value: string): string {
	const wellFormed = value.replace(LONE_SURROGATE, '\ufffd');
	return encodeURIComponent(wellFormed).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/** The header value for downloading a file called `filename`. */
export function attachmentDisposition(filename: string): string {
	if (TOKEN.test(filename)) return `attachment; filename=${filename}`;
	const plain = filename.replace(UNSAFE, '_');
	return `attachment; filename="${plain}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}
