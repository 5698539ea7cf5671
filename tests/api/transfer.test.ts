import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBucket, insert, openBench, ORIGIN, type Bench } from './helpers';

type ExportDoc = { buckets: Record<string, Record<string, unknown> & { events: unknown[] }> };

let bench: Bench;

beforeEach(() => {
	bench = openBench();
});

afterEach(() => bench.close());

async function seed(target: Bench): Promise<void> {
	await createBucket(target, 'aw-watcher-afk_laptop', {
		type: 'afkstatus',
		created: '2024-05-01T09:00:00Z',
		data: { a: 1 },
		name: 'AFK'
	});
	await insert(target, 'aw-watcher-afk_laptop', [
		{ timestamp: '2024-05-01T09:00:00Z', duration: 1800, data: { status: 'not-afk' } },
		{ timestamp: '2024-05-01T09:30:00Z', duration: 1800, data: { status: 'afk' } }
	]);
	await createBucket(target, 'empty');
}

function multipart(parts: { name: string; filename?: string; text: string }[]) {
	const boundary = 'hindsightBoundary42';
	const body =
		parts
			.map((p) => {
				const file = p.filename === undefined ? '' : `; filename="${p.filename}"`;
				return `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}\r\n\r\n${p.text}\r\n`;
			})
			.join('') + `--${boundary}--\r\n`;
	return { body, type: `multipart/form-data; boundary=${boundary}` };
}

describe('GET /buckets/{bid}/export and /export', () => {
	it('exports one bucket with all events newest first, ids kept, as a JSON download', async () => {
		await seed(bench);
		const response = await bench.send('GET', '/api/0/buckets/aw-watcher-afk_laptop/export');
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toBe('application/json');
		expect(response.headers.get('Content-Disposition')).toBe(
			'attachment; filename=aw-bucket-export_aw-watcher-afk_laptop.json'
		);
		const doc = (await response.json()) as ExportDoc;
		expect(Object.keys(doc)).toEqual(['buckets']);
		expect(Object.keys(doc.buckets)).toEqual(['aw-watcher-afk_laptop']);
		const bucket = doc.buckets['aw-watcher-afk_laptop'];
		expect(bucket).toMatchObject({
			id: 'aw-watcher-afk_laptop',
			name: 'AFK',
			type: 'afkstatus',
			created: '2024-05-01T09:00:00Z',
			data: { a: 1 },
			metadata: { start: '2024-05-01T09:00:00Z', end: '2024-05-01T10:00:00Z' },
			last_updated: '2024-05-01T10:00:00Z'
		});
		expect(bucket.events).toEqual([
			{
				id: expect.any(Number),
				timestamp: '2024-05-01T09:30:00Z',
				duration: 1800,
				data: { status: 'afk' }
			},
			{
				id: expect.any(Number),
				timestamp: '2024-05-01T09:00:00Z',
				duration: 1800,
				data: { status: 'not-afk' }
			}
		]);
	});

	it('exports every bucket under the all-buckets file name, even with one bucket', async () => {
		await createBucket(bench, 'only');
		const response = await bench.send('GET', '/api/0/export');
		expect(response.headers.get('Content-Disposition')).toBe(
			'attachment; filename=aw-buckets-export.json'
		);
		expect(Object.keys(((await response.json()) as ExportDoc).buckets)).toEqual(['only']);
	});

	it('sanitizes a bucket id that is unsafe in a header and adds filename*', async () => {
		await createBucket(bench, 'my "bucket"/ü');
		const response = await bench.send(
			'GET',
			`/api/0/buckets/${encodeURIComponent('my "bucket"/ü')}/export`
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Disposition')).toBe(
			`attachment; filename="aw-bucket-export_my _bucket___.json"; ` +
				`filename*=UTF-8''aw-bucket-export_my%20%22bucket%22%2F%C3%BC.json`
		);
	});

	it('answers 404 for a missing bucket', async () => {
		expect((await bench.call('GET', '/api/0/buckets/none/export')).status).toBe(404);
	});
});

describe('POST /import', () => {
	it('round-trips an export into an empty app', async () => {
		await seed(bench);
		const exported = await (await bench.send('GET', '/api/0/export')).text();

		const fresh = openBench();
		const response = await fresh.send('POST', '/api/0/import', exported);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('');

		const again = (await (await fresh.send('GET', '/api/0/export')).json()) as ExportDoc;
		const original = JSON.parse(exported) as ExportDoc;
		const strip = (doc: ExportDoc) =>
			Object.fromEntries(
				Object.entries(doc.buckets).map(([id, b]) => [
					id,
					{ ...b, events: (b.events as { id: number }[]).map(({ id: _id, ...rest }) => rest) }
				])
			);
		expect(strip(again)).toEqual(strip(original));
		fresh.close();
	});

	it('merges into existing buckets without duplicating identical events', async () => {
		await seed(bench);
		const exported = await (await bench.send('GET', '/api/0/export')).text();
		const doc = JSON.parse(exported) as ExportDoc;
		doc.buckets['aw-watcher-afk_laptop'].type = 'changed';
		doc.buckets['aw-watcher-afk_laptop'].events.push({
			timestamp: '2024-05-01T09:00:00Z',
			duration: 60,
			data: { status: 'not-afk' }
		});
		expect((await bench.send('POST', '/api/0/import', doc)).status).toBe(200);
		expect((await bench.send('POST', '/api/0/import', exported)).status).toBe(200);

		const { body } = await bench.call('GET', '/api/0/buckets/aw-watcher-afk_laptop/events');
		expect((body as unknown[]).length).toBe(3);
		const bucket = (await bench.call('GET', '/api/0/buckets/aw-watcher-afk_laptop')).body;
		expect((bucket as { type: string }).type).toBe('afkstatus');
	});

	it('ignores event ids in the file and skips invalid events on their own', async () => {
		await createBucket(bench, 'mine');
		const [mine] = (await insert(bench, 'mine', [
			{ timestamp: '2024-01-01T00:00:00Z', data: { mine: true } }
		])) as { id: number }[];
		const response = await bench.send('POST', '/api/0/import', {
			buckets: {
				imported: {
					id: 'imported',
					type: 't',
					client: 'c',
					hostname: 'h',
					events: [
						{ id: mine.id, timestamp: '2024-02-01T00:00:00Z', data: { theirs: true } },
						{ timestamp: 'garbage' },
						{ timestamp: '2024-02-02T00:00:00Z', duration: -5 }
					]
				}
			}
		});
		expect(response.status).toBe(200);
		expect((await bench.call('GET', `/api/0/buckets/mine/events/${mine.id}`)).body).toMatchObject({
			data: { mine: true }
		});
		const { body } = await bench.call('GET', '/api/0/buckets/imported/events');
		expect((body as { data: unknown }[]).map((e) => e.data)).toEqual([{ theirs: true }]);
	});

	it('accepts buckets as an array and takes the id from the object key when missing', async () => {
		const array = { buckets: [{ id: 'arr', type: 't', client: 'c', hostname: 'h' }] };
		expect((await bench.send('POST', '/api/0/import', array)).status).toBe(200);
		const keyed = { buckets: { keyed: { type: 't', client: 'c', hostname: 'h' } } };
		expect((await bench.send('POST', '/api/0/import', keyed)).status).toBe(200);
		const { body } = await bench.call('GET', '/api/0/buckets/');
		expect(Object.keys(body as object).sort()).toEqual(['arr', 'keyed']);
	});

	it('answers 400 and stores nothing for bad documents', async () => {
		const good = { id: 'g', type: 't', client: 'c', hostname: 'h' };
		for (const body of [
			'not json',
			'',
			{ nothing: true },
			{ buckets: 'x' },
			{ buckets: { g: good, bad: { type: 't', client: 'c' } } }
		]) {
			const { status, body: answer } = await bench.call('POST', '/api/0/import', body);
			expect(status, JSON.stringify(body)).toBe(400);
			expect(typeof (answer as { message: string }).message).toBe('string');
		}
		expect((await bench.call('GET', '/api/0/buckets/')).body).toEqual({});
	});

	it('imports multipart uploads, parts with or without a file name, in one go', async () => {
		const doc = (id: string) =>
			JSON.stringify({
				buckets: {
					[id]: {
						id,
						type: 't',
						client: 'c',
						hostname: 'h',
						events: [{ timestamp: '2024-01-01T00:00:00Z' }]
					}
				}
			});
		const { body, type } = multipart([
			{ name: 'buckets.json', filename: 'export.json', text: doc('from-file') },
			{ name: 'anything', text: doc('from-field') }
		]);
		const response = await bench.send('POST', '/api/0/import', body, { 'Content-Type': type });
		expect(response.status).toBe(200);
		const { body: buckets } = await bench.call('GET', '/api/0/buckets/');
		expect(Object.keys(buckets as object).sort()).toEqual(['from-field', 'from-file']);
	});

	it('imports an upload made with FormData and a Blob, as the dashboard sends it', async () => {
		const form = new FormData();
		const text = JSON.stringify({ buckets: { f: { type: 't', client: 'c', hostname: 'h' } } });
		form.append('buckets.json', new Blob([text], { type: 'application/json' }), 'aw.json');
		const response = await bench.router(
			new Request(`${ORIGIN}/api/0/import`, { method: 'POST', body: form })
		);
		expect(response.status).toBe(200);
		expect((await bench.call('GET', '/api/0/buckets/f')).status).toBe(200);
	});

	it('falls back to its own parser for a multipart body the platform refuses', async () => {
		const text = JSON.stringify({ buckets: { lax: { type: 't', client: 'c', hostname: 'h' } } });
		const body = `--B\r\nContent-Disposition: form-data; name="buckets.json"\r\n\r\n${text}`;
		const response = await bench.send('POST', '/api/0/import', body, {
			'Content-Type': 'multipart/form-data; boundary=B'
		});
		expect(response.status).toBe(200);
		expect((await bench.call('GET', '/api/0/buckets/lax')).status).toBe(200);
	});

	it('stores nothing when one multipart part is bad', async () => {
		const { body, type } = multipart([
			{
				name: 'a',
				text: JSON.stringify({ buckets: { ok: { type: 't', client: 'c', hostname: 'h' } } })
			},
			{ name: 'b', filename: 'b.json', text: '{broken' }
		]);
		const response = await bench.send('POST', '/api/0/import', body, { 'Content-Type': type });
		expect(response.status).toBe(400);
		expect(((await response.json()) as { message: string }).message).toContain('b.json');
		expect((await bench.call('GET', '/api/0/buckets/')).body).toEqual({});
	});
});
