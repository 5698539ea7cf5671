/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the demo data needs. The same
 * seed always gives the same sequence, on every platform, so demo data and benchmarks are
 * reproducible.
 */

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** A float in [min, max). */
	between(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** An item chosen with probability proportional to its weight. */
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const [, w] of items) total += w;
		let r = this.next() * total;
		for (const [item, w] of items) {
			r -= w;
			if (r < 0) return item;
		}
		return items[items.length - 1][0];
	}

	/** A positive weight with a long tail (log-normal, sigma about 1). */
	spread(sigma = 1): number {
		const u = Math.max(this.next(), 1e-12);
		const v = this.next();
		const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
		return Math.exp(sigma * normal);
	}

	/** A new generator derived from this one (for independent streams). */
	fork(salt: number): Random {
		return new Random(Math.imul(this.int(0, 0x7fffffff) ^ salt, 0x9e3779b1));
	}
}

/**
 * Splits `total` into `count` integer parts proportional to `weights` (largest remainder), so
 * the parts add up exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (sum <= 0 || weights.length === 0) return weights.map(() => 0);
	const raw = weights.map((w) => (w / sum) * total);
	const parts = raw.map(Math.floor);
	let left = total - parts.reduce((a, b) => a + b, 0);
	const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
	for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
	return parts;
}

/** Appends `items` to `target` one by one (spreading a huge array into push overflows the stack). */
export function append<T>(target: T[], items: readonly T[]): void {
	for (const item of items) target.push(item);
}
