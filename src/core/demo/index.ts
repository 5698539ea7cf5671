/**
 * Deterministic synthetic data for the demo, tests and benchmarks.
 */
export {
	generateDemoData,
	TYPICAL_DAY,
	type DemoOptions,
	type DemoDataset,
	type DemoBucket,
	type DemoBrowser
} from './generate';
export { DEMO_CATEGORIES, demoCategoryRules, type DemoCategory } from './categories';
export { Random, apportion } from './random';
