/**
 * Browser side of tests/e2e/aw-client.e2e.ts: the published aw-client 0.3.7, unchanged, runs a
 * scenario against the app's origin (so its requests reach the service worker) and reports
 * what it saw. Dates are turned into strings so the report crosses to the test as JSON.
 */
import { AWClient, type IEvent } from 'aw-client';

type Report = Record<string, unknown>;

const BUCKET = 'aw-client-e2e_host';
const DAY = { start: new Date('2024-05-01T00:00:00Z'), end: new Date('2024-05-02T00:00:00Z') };

const plain = (event: IEvent) => ({ ...event, timestamp: event.timestamp.toISOString() });

async function statusOf(call: () => Promise<unknown>): Promise<number | 'resolved'> {
	try {
		await call();
		return 'resolved';
	} catch (err) {
		return (err as { response?: { status: number } }).response?.status ?? -1;
	}
}

async function buckets(client: AWClient, report: Report): Promise<void> {
	report.info = await client.getInfo();
	report.firstEnsure = await client.ensureBucket(BUCKET, 'currentwindow', 'host');
	report.secondEnsure = await client.ensureBucket(BUCKET, 'currentwindow', 'host');
	report.createAgain = await statusOf(() => client.createBucket(BUCKET, 'currentwindow', 'host'));
	const bucket = await client.getBucketInfo(BUCKET);
	report.bucket = { ...bucket, created: bucket.created instanceof Date && !isNaN(+bucket.created) };
	report.bucketIds = Object.keys(await client.getBuckets());
}

async function events(client: AWClient, report: Report): Promise<void> {
	const start = Date.parse('2024-05-01T10:00:00Z');
	await Promise.all(
		Array.from({ length: 10 }, (_, i) =>
			client.heartbeat(BUCKET, 5, {
				timestamp: new Date(start + i * 1000),
				duration: 0,
				data: { label: 'a' }
			})
		)
	);
	report.afterHeartbeats = (await client.getEvents(BUCKET)).map(plain);

	await client.insertEvent(BUCKET, {
		timestamp: new Date('2024-05-01T12:00:00.123Z'),
		duration: 1,
		data: { label: 'b' }
	});
	const [newest] = await client.getEvents(BUCKET, { limit: 1 });
	await client.replaceEvent(BUCKET, { ...newest, data: { label: 'c' } });
	report.replaced = plain(await client.getEvent(BUCKET, newest.id as number));
	report.ranged = (await client.getEvents(BUCKET, { start: DAY.start, end: DAY.end })).map(plain);
	report.count = await client.countEvents(BUCKET);
	report.countRange = await client.countEvents(
		BUCKET,
		new Date('2024-05-01T11:00:00Z'),
		new Date('2024-05-01T13:00:00Z')
	);
	report.newestId = newest.id;
}

async function queryAndExport(client: AWClient, report: Report): Promise<void> {
	report.query = await client.query(
		[DAY],
		[`events = query_bucket("${BUCKET}");`, 'RETURN = sum_durations(events);']
	);
	const exported = await client.req.get(`/0/buckets/${BUCKET}/export`);
	report.export = { disposition: exported.headers['content-disposition'], data: exported.data };
	await client.set_setting('awClientKey', { nested: [1, 2] });
	report.setting = await client.get_setting('awClientKey');
	// aw-client answers `(res && res.data) || res`: for a falsy value such as the `null` of an
	// unset key it hands back the whole axios response. Report what a caller would see.
	const unset = (await client.get_setting('awClientNever')) as { status?: number; data?: unknown };
	report.unsetSetting = { status: unset.status, data: unset.data };
}

async function cleanUp(client: AWClient, report: Report): Promise<void> {
	await client.deleteEvent(BUCKET, report.newestId as number);
	report.countAfterDelete = await client.countEvents(BUCKET);
	await client.deleteBucket(BUCKET);
	report.afterDelete = await statusOf(() => client.getBucketInfo(BUCKET));
	report.deleteAgain = await statusOf(() => client.deleteBucket(BUCKET));
}

async function run(): Promise<Report> {
	const client = new AWClient('aw-client-e2e', { baseURL: location.origin, testing: true });
	const report: Report = {};
	await buckets(client, report);
	await events(client, report);
	await queryAndExport(client, report);
	await cleanUp(client, report);
	return report;
}

(window as unknown as { runAwClientScenario: () => Promise<Report> }).runAwClientScenario = run;
