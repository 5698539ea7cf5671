import { describe, expect, it } from 'vitest';
import {
	fromWireBucket,
	fromWireBucketInfo,
	fromWireEvent,
	parseDate,
	toWireEvent
} from '../../src/client/convert';

describe('toWireEvent', () => {
	it('sends a Date as ISO text, a string unchanged, and fills duration and data', () => {
		expect(toWireEvent({ timestamp: new Date('2024-05-01T09:00:00.5Z') })).toEqual({
			timestamp: '2024-05-01T09:00:00.500Z',
			duration: 0,
			data: {}
		});
		expect(
			toWireEvent({ timestamp: '2024-05-01T11:00:00.123456+02:00', duration: 2, data: { a: 1 } })
		).toEqual({
			timestamp: '2024-05-01T11:00:00.123456+02:00',
			duration: 2,
			data: { a: 1 }
		});
	});

	it('sends a numeric id and leaves out undefined and null ids', () => {
		expect(toWireEvent({ id: 7, timestamp: 't' })).toMatchObject({ id: 7 });
		expect(toWireEvent({ id: null, timestamp: 't' })).not.toHaveProperty('id');
		expect(toWireEvent({ timestamp: 't' })).not.toHaveProperty('id');
	});

	it('refuses an invalid Date and a non-object event with a coded error', () => {
		expect(() => toWireEvent({ timestamp: new Date('nonsense') })).toThrow(
			expect.objectContaining({ code: 'invalid_timestamp' })
		);
		expect(() => toWireEvent(null as never)).toThrow(
			expect.objectContaining({ code: 'invalid_event' })
		);
	});
});

describe('incoming conversion', () => {
	it('turns timestamps into Dates, dropping sub-millisecond digits, and keeps the rest', () => {
		expect(parseDate('2024-05-01T09:00:00.123999Z')).toEqual(new Date('2024-05-01T09:00:00.123Z'));
		expect(parseDate('2024-05-01T11:00:00+02:00')).toEqual(new Date('2024-05-01T09:00:00Z'));
		expect(
			fromWireEvent({
				id: 3,
				timestamp: '1969-12-31T23:59:59.9995Z',
				duration: 1.25,
				data: { x: [1] }
			})
		).toEqual({
			id: 3,
			timestamp: new Date('1969-12-31T23:59:59.999Z'),
			duration: 1.25,
			data: { x: [1] }
		});
	});

	it('converts bucket times where present', () => {
		const raw = {
			id: 'b',
			type: 't',
			client: 'c',
			hostname: 'h',
			created: '2024-05-01T09:00:00Z',
			data: {},
			last_updated: '2024-05-02T09:00:00Z',
			last_update: null
		};
		const bucket = fromWireBucket(raw);
		expect(bucket.created).toEqual(new Date('2024-05-01T09:00:00Z'));
		expect(bucket.last_updated).toEqual(new Date('2024-05-02T09:00:00Z'));
		expect(bucket).not.toHaveProperty('last_update');
	});

	it('fills a missing bucket data with {} for getBucketInfo', () => {
		const bucket = fromWireBucketInfo({
			id: 'b',
			type: 't',
			client: 'c',
			hostname: 'h',
			created: '2024-05-01T09:00:00Z'
		});
		expect(bucket.data).toEqual({});
	});
});
