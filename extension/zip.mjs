// `npm run ext:zip`: packages the built extension (dist-extension/, from `npm run
// build:extension`) into dist-extension.zip, the file a browser's store takes. Files are stored
// in a stable order with a fixed date, so the same build gives the same archive.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { zipSync } from 'fflate';

const root = resolve(process.argv[2] ?? 'dist-extension');
const out = resolve(process.argv[3] ?? `${root}.zip`);
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

function walk(dir) {
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? walk(path) : [path];
		});
}

let files;
try {
	files = walk(root);
} catch {
	process.stderr.write(
		`Nothing to package: ${root} is missing; run npm run build:extension first.\n`
	);
	process.exit(1);
}
if (!files.some((path) => relative(root, path) === 'manifest.json')) {
	process.stderr.write(`${root} has no manifest.json; run npm run build:extension first.\n`);
	process.exit(1);
}

const entries = {};
for (const path of files) {
	const name = relative(root, path).split(sep).join('/');
	entries[name] = [readFileSync(path), { mtime: FIXED_DATE }];
}
const archive = zipSync(entries, { level: 9 });
writeFileSync(out, archive);
process.stdout.write(
	`${relative(process.cwd(), out)}: ${files.length} files, ${archive.length} bytes\n`
);
