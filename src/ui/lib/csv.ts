/**
 * Comma-separated values as RFC 4180 writes them: a field holding a comma, a double quote, a
 * carriage return or a line feed is put in double quotes, with each quote inside doubled;
 * records end in CRLF, the last one included, so that spreadsheets and CSV parsers agree.
 */

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted when it has to be. */
export function csvField(value: string): string {
	return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text of a header row and the data rows (each a list of fields, in column order). */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
	return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
