/**
 * The dashboard's statement splitter (query-language.md 13.1): the program text is cut at every
 * `;` outside a double-quoted string (a backslash inside a string escapes the next character),
 * each statement is trimmed, empty ones are dropped and `;` is put back. The engine receives the
 * statements and joins them with line feeds.
 */

/** Splits program text into trimmed statements, each ending with `;`. */
export function splitStatements(text: string): string[] {
	const out: string[] = [];
	let start = 0;
	let inString = false;

	const cut = (end: number) => {
		const statement = text.slice(start, end).trim();
		if (statement) out.push(`${statement};`);
		start = end + 1;
	};

	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inString && ch === '\\') i++;
		else if (ch === '"') inString = !inString;
		else if (ch === ';' && !inString) cut(i);
	}
	cut(text.length);
	return out;
}

/** The program text the engine sees for a list of statements: joined with line feeds. */
export function joinStatements(statements: readonly string[]): string {
	return statements.join('\n');
}
