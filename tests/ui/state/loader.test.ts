import { expect, it } from 'vitest';
import { Loader } from '../../../src/ui/state/loader.svelte';

const later = <T>(value: T, ms: number) =>
	new Promise<T>((done) => setTimeout(() => done(value), ms));

it('keeps the newest request and drops an older answer that arrives later', async () => {
	const loader = new Loader<string>();
	const slow = loader.run(() => later('old', 30));
	const fast = loader.run(() => later('new', 5));
	await Promise.all([slow, fast]);
	expect(loader.data).toBe('new');
	expect(loader.loading).toBe(false);
});

it('drops the error of a stale request and keeps the newest error', async () => {
	const loader = new Loader<string>();
	const stale = loader.run(() => later(null, 20).then(() => Promise.reject(new Error('stale'))));
	await loader.run(() => Promise.reject(new Error('newest')));
	await stale;
	expect((loader.error as Error).message).toBe('newest');
	await loader.run(() => later('ok', 1));
	expect(loader.error).toBeNull();
	expect(loader.data).toBe('ok');
});
