import { describe, expect, it } from 'vitest';
import { eventFromJson, eventToJson, type Event } from '../../../src/core/model/event';

describe('eventFromJson', () => {
	it('is the inverse of eventToJson', () => {
		const event: Event = {
			id: 7,
			timestamp: Date.UTC(2024, 4, 1, 9) * 1000 + 250,
			duration: 1_500_001,
			data: { app: 'Code', title: 'main.rs' }
		};
		expect(eventFromJson(eventToJson(event))).toStrictEqual(event);
	});

	it('reads a query result event, rounding seconds to whole microseconds', () => {
		expect(
			eventFromJson({
				id: null,
				timestamp: '2024-05-01T09:00:00+02:00',
				duration: 0.0000015,
				data: {}
			})
		).toStrictEqual({ id: null, timestamp: Date.UTC(2024, 4, 1, 7) * 1000, duration: 2, data: {} });
	});
});
