import { describe, expect, it } from 'vitest';
import { heartbeatMerge, heartbeatReduce } from '../../../src/core/transforms';
import type { JsonObject } from '../../../src/core/model/json';
import { ev, spans } from './helpers';

const A = { label: 'a' };

/** query-vectors.md H01-H13: [#, last, heartbeat, heartbeat data, pulsetime, result or null]. */
const TABLE: [
	string,
	[number, number],
	[number, number],
	JsonObject,
	number,
	[number, number] | null
][] = [
	['H01', [0, 1], [2, 1], A, 2, [0, 3]],
	['H02', [0, 1], [3, 0], A, 2, [0, 3]],
	['H03', [0, 1], [3.001, 0], A, 2, null],
	['H04', [0, 1], [1, 0], A, 0, [0, 1]],
	['H05', [0, 1], [2, 1], A, 0, null],
	['H06', [0, 1], [1, 1], { label: 'b' }, 5, null],
	['H07', [5, 1], [4, 1], A, 5, null],
	['H08', [0, 0], [0, 1], A, 1, [0, 1]],
	['H09', [0, 1], [0, 0], A, 1, [0, 1]],
	['H10', [0, 10], [2, 1], A, 1, [0, 10]],
	['H11', [0, 1], [120, 0], A, 120, [0, 120]],
	['H12', [0, 1], [120, 0], A, 60, null],
	['H13', [0, 1], [1.5, 0], A, 0.5, [0, 1.5]]
];

describe('heartbeatMerge (query-vectors.md H01-H13)', () => {
	for (const [id, last, hb, data, pulsetime, result] of TABLE) {
		it(`${id}: [${last}] + [${hb}] with pulsetime ${pulsetime}`, () => {
			const merged = heartbeatMerge(
				ev(last[0], last[1], A, 42),
				ev(hb[0], hb[1], { ...data }),
				pulsetime
			);
			if (result === null) expect(merged).toBeNull();
			else {
				expect(spans([merged!])).toEqual([result]);
				expect(merged!.id).toBe(42);
			}
		});
	}
});

describe('heartbeatReduce (query-vectors.md H14-H15)', () => {
	it('H14: folds a list of heartbeats', () => {
		const b = { label: 'b' };
		const list = [
			ev(0, 0, A),
			ev(1, 0, A),
			ev(2, 0, A),
			ev(10, 0, A),
			ev(11, 0, b),
			ev(11.5, 1, b)
		];
		const out = heartbeatReduce(list, 2);
		expect(spans(out)).toEqual([
			[0, 2],
			[10, 0],
			[11, 1.5]
		]);
		expect(out.map((e) => e.data)).toEqual([A, A, b]);
	});

	it('H15: gives [] for []', () => {
		expect(heartbeatReduce([], 1)).toEqual([]);
	});
});
