import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/ui/lib/csv';

/**
 * A small RFC 4180 reader, independent of the writer, to check that what is written reads back:
 * each field is quoted (quotes doubled inside) or plain, and ends in a comma or a CRLF.
 */
function parseCsv(text: string): string[][] {
	const field = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/y;
	const rows: string[][] = [[]];
	let match: RegExpExecArray | null;
	while (field.lastIndex < text.length && (match = field.exec(text))) {
		const [, raw, end] = match;
		const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw;
		rows[rows.length - 1].push(value);
		if (end === '\r\n') rows.push([]);
	}
	expect(field.lastIndex).toBe(text.length);
	return rows.slice(0, -1);
}

describe('csvField', () => {
	it('leaves plain text as it is', () => {
		expect(csvField('Code')).toBe('Code');
		expect(csvField('')).toBe('');
		expect(csvField("it's; fine")).toBe("it's; fine");
	});

	it('quotes commas, quotes, carriage returns and line feeds, doubling inner quotes', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('"')).toBe('""""');
		expect(csvField('line\nbreak')).toBe('"line\nbreak"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
	});
});

describe('toCsv', () => {
	it('ends every record, the last included, with CRLF', () => {
		expect(toCsv(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
		expect(toCsv(['a'], [])).toBe('a\r\n');
	});

	it('writes fields that read back unchanged', () => {
		const rows = [
			['main.rs, line 3', 'He said "no"', 'two\r\nlines', ''],
			['"', ',', '\n', ' spaced ']
		];
		expect(parseCsv(toCsv(['w', 'x', 'y', 'z'], rows))).toEqual([['w', 'x', 'y', 'z'], ...rows]);
	});
});
