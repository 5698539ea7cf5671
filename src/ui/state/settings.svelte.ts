/**
 * The dashboard's settings, read from and written to the worker's settings store under the
 * keys of the dashboard spec (section 8), so an ActivityWatch settings export carries over.
 * `theme` and `landingpage` are mirrored into localStorage because they are needed before the
 * worker answers.
 */
import type { JsonValue } from '../../core/model/json';
import { BRIDGE_ALLOWED_ORIGINS_SETTING } from '../../core/bridge-protocol';
import { DEFAULT_IDLE_SECONDS } from '../../core/idle';
import { DEFAULT_CATEGORIES, normalizeCategories, type Category } from '../lib/categories';
import { DEFAULT_CALENDAR, parseStartOfDay, type Calendar, type WeekStart } from '../lib/periods';
import { api } from './api';

export type Theme = 'auto' | 'light' | 'dark';

export const DEFAULTS = {
	startOfDay: '04:00',
	startOfWeek: 'Monday',
	durationDefault: 14400,
	theme: 'auto',
	landingpage: '/home',
	always_active_pattern: '',
	showYearly: true,
	/** The Activity view's multi-device summary (dashboard spec 4.4). */
	useMultidevice: false as boolean,
	deviceName: 'unknown',
	[BRIDGE_ALLOWED_ORIGINS_SETTING]: [],
	/** Seconds without input after which the extension reports the user idle. */
	idleTimeoutSeconds: DEFAULT_IDLE_SECONDS,
	/** Whether an audible tab counts as activity (Activity filters). */
	countAudibleAsActive: true,
	active_set_ids: ['default'],
	category_sets: []
} satisfies Record<string, JsonValue>;

const MIRRORED = ['theme', 'landingpage'];

/** localStorage, where the context has one (not in workers or Node). */
const local = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

export type CategorySet = { id: string; categories: Category[] };

export class Settings {
	values: Record<string, JsonValue> = $state({});
	loaded = $state(false);

	get<T extends JsonValue>(key: string, fallback: T): T {
		const value = this.values[key];
		return value === undefined || value === null ? fallback : (value as T);
	}

	async load(): Promise<void> {
		this.values = await api().getSettings();
		this.loaded = true;
		for (const key of MIRRORED) {
			const value = this.values[key];
			if (typeof value === 'string') local()?.setItem(key, value);
		}
	}

	async set(key: string, value: JsonValue): Promise<void> {
		await api().setSetting(key, value);
		this.values = { ...this.values, [key]: value };
		if (MIRRORED.includes(key) && typeof value === 'string') local()?.setItem(key, value);
	}

	/** The failure of the last `save`, shown once by the Settings view; null after a success. */
	saveError: unknown = $state(null);

	/**
	 * `set` for a settings control: a failure is kept in `saveError` for the view to show
	 * instead of being lost as an unhandled rejection. Resolves to whether it was stored.
	 */
	async save(key: string, value: JsonValue): Promise<boolean> {
		try {
			await this.set(key, value);
			this.saveError = null;
			return true;
		} catch (err) {
			this.saveError = err;
			return false;
		}
	}

	get calendar(): Calendar {
		const offset = parseStartOfDay(this.get('startOfDay', DEFAULTS.startOfDay));
		const week = this.get<string>('startOfWeek', DEFAULTS.startOfWeek);
		const weekStart: WeekStart = week === 'Sunday' || week === 'Saturday' ? week : 'Monday';
		return { dayOffsetMinutes: offset ?? DEFAULT_CALENDAR.dayOffsetMinutes, weekStart };
	}

	get theme(): Theme {
		const value = this.get<string>('theme', local()?.getItem('theme') ?? 'auto');
		return value === 'light' || value === 'dark' ? value : 'auto';
	}

	/** The category sets and the active set's id (section 3.3; only one set is edited). */
	get categorySets(): { sets: CategorySet[]; activeId: string } {
		const activeIds = this.get<JsonValue[]>('active_set_ids', ['default']);
		const activeId = typeof activeIds[0] === 'string' ? activeIds[0] : 'default';
		const sets = this.readSets();
		if (!sets.some((s) => s.id === activeId))
			sets.unshift({ id: activeId, categories: this.legacyList() });
		return { sets, activeId };
	}

	/** The effective category list: the active set's. */
	get categories(): Category[] {
		const { sets, activeId } = this.categorySets;
		return sets.find((s) => s.id === activeId)?.categories ?? DEFAULT_CATEGORIES;
	}

	/** Saves a set, makes it active, and writes the flat `classes` list other clients read. */
	async saveCategories(id: string, categories: Category[]): Promise<void> {
		const sets = this.readSets().filter((s) => s.id !== id);
		sets.push({ id, categories });
		await this.set('category_sets', sets as unknown as JsonValue);
		await this.set('active_set_ids', [id]);
		await this.set('classes', categories as unknown as JsonValue);
	}

	private readSets(): CategorySet[] {
		const raw = this.get<JsonValue[]>('category_sets', []);
		const out: CategorySet[] = [];
		for (const entry of Array.isArray(raw) ? raw : []) {
			const set = entry as { id?: unknown; categories?: unknown };
			if (typeof set?.id !== 'string') continue;
			try {
				out.push({ id: set.id, categories: normalizeCategories(set.categories) });
			} catch {
				// A stored set that no longer validates is left out rather than breaking the page.
			}
		}
		return out;
	}

	private legacyList(): Category[] {
		try {
			const classes = this.values.classes;
			return classes ? normalizeCategories(classes) : DEFAULT_CATEGORIES;
		} catch {
			return DEFAULT_CATEGORIES;
		}
	}
}

export const settings = new Settings();

/** Applies the theme to the document (`data-theme`, read by app.css). */
export function applyTheme(theme: Theme): void {
	const dark =
		theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
	document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}
