import { describe, expect, it, vi } from 'vitest';
import {
	askToBeClaimed,
	CLAIM_REQUEST,
	isClaimRequest,
	isServiceWorkerMessage
} from '../../src/sw/protocol';

/** A `navigator.serviceWorker` whose `ready` resolves when the test activates a worker. */
function container(controlled: boolean) {
	const worker = { postMessage: vi.fn() };
	let activate = () => {};
	const ready = new Promise<{ active: typeof worker }>((resolve) => {
		activate = () => resolve({ active: worker });
	});
	const fake = { controller: controlled ? {} : null, ready };
	return { fake, worker, activate, asked: () => askToBeClaimed(fake as never) };
}

describe('the service worker protocol', () => {
	it('tells its own messages from others', () => {
		expect(isServiceWorkerMessage({ type: 'hindsight-sw', state: 'activated', version: 'a' })).toBe(
			true
		);
		expect(isServiceWorkerMessage({ type: 'hindsight-sw' })).toBe(false);
		expect(isClaimRequest(CLAIM_REQUEST)).toBe(true);
		expect(isClaimRequest({ type: 'hindsight-sw', state: 'activated', version: 'a' })).toBe(false);
		expect(isClaimRequest(null)).toBe(false);
		expect(isClaimRequest('hindsight-sw-claim')).toBe(false);
	});

	it('asks the active worker to claim an uncontrolled page once a worker is active', async () => {
		const { worker, activate, asked } = container(false);
		const sent = asked();
		expect(worker.postMessage).not.toHaveBeenCalled();
		activate();
		await sent;
		expect(worker.postMessage).toHaveBeenCalledWith(CLAIM_REQUEST);
	});

	it('asks nothing when the page is controlled, before or after the worker is active', async () => {
		const before = container(true);
		before.activate();
		await before.asked();
		expect(before.worker.postMessage).not.toHaveBeenCalled();

		const after = container(false);
		const sent = after.asked();
		after.fake.controller = {};
		after.activate();
		await sent;
		expect(after.worker.postMessage).not.toHaveBeenCalled();
	});
});
