/**
 * Reading `multipart/form-data` import uploads (rest-api.md 7.2). `Response.formData()` does
 * the work where it can; when it refuses a body (an odd boundary, a missing final delimiter), a
 * minimal parser of our own reads the parts before the request is given up as a 400.
 */
import { HindsightError } from '../core/errors';

/** One part of a form: its field name, file name if it is a file, and its text. */
export type FormPart = { name: string; filename: string | null; text: string };

/** The boundary parameter of a multipart Content-Type, or null. */
export function multipartBoundary(contentType: string): string | null {
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]) : null;
}

/** Parses the parts of a multipart body, in order; file parts and plain fields alike. */
export async function readFormParts(body: ArrayBuffer, contentType: string): Promise<FormPart[]> {
	try {
		const form = await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
		const parts: FormPart[] = [];
		for (const [name, value] of form.entries()) {
			if (typeof value === 'string') parts.push({ name, filename: null, text: value });
			else parts.push({ name, filename: value.name, text: await value.text() });
		}
		return parts;
	} catch {
		return parseMultipart(new TextDecoder().decode(body), contentType);
	}
}

/**
 * The fallback parser: splits on the boundary, reads each part's Content-Disposition and keeps
 * its body. Lenient about line endings and a missing closing delimiter; throws `invalid_import`
 * when no boundary or no part can be found.
 */
export function parseMultipart(text: string, contentType: string): FormPart[] {
	const boundary = multipartBoundary(contentType);
	if (!boundary) {
		throw new HindsightError(
			'invalid_import',
			`The multipart upload has no boundary in its Content-Type '${contentType}'`
		);
	}

	const parts: FormPart[] = [];
	const chunks = text.split(`--${boundary}`).slice(1);
	for (const chunk of chunks) {
		if (chunk.startsWith('--')) break;
		const part = parsePart(chunk);
		if (part) parts.push(part);
	}
	if (parts.length === 0) {
		throw new HindsightError('invalid_import', 'The multipart upload holds no readable part');
	}
	return parts;
}

function parsePart(chunk: string): FormPart | null {
	const body = chunk.replace(/^\r?\n/, '');
	const split = /\r?\n\r?\n/.exec(body);
	if (!split) return null;

	const head = body.slice(0, split.index);
	const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? '';
	const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
	const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
	const content = body.slice(split.index + split[0].length).replace(/\r?\n$/, '');
	return { name, filename, text: content };
}
