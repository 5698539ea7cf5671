// The few globals that every context Hindsight runs in provides (page, dedicated worker, service
// worker, Node 20). tsconfig.core.json type-checks src/core against ES2023 plus only these, so a
// DOM or worker API used in the core fails the check.

declare class URL {
	constructor(url: string, base?: string);
	readonly protocol: string;
	readonly hostname: string;
	readonly host: string;
	readonly pathname: string;
	readonly search: string;
	readonly hash: string;
	readonly href: string;
	static canParse(url: string, base?: string): boolean;
}

declare const console: {
	debug(...args: unknown[]): void;
	info(...args: unknown[]): void;
	log(...args: unknown[]): void;
	warn(...args: unknown[]): void;
	error(...args: unknown[]): void;
};

declare const performance: { now(): number };

declare function structuredClone<T>(value: T): T;
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
declare const crypto: { randomUUID(): string; getRandomValues<T extends ArrayBufferView>(a: T): T };
