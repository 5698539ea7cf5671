/**
 * What the browser looks like at one moment, reduced to the data of the tab and focus streams.
 * The background worker fills an `Observation` from `chrome.windows` and `chrome.tabs`; these
 * functions decide what of it is recorded, so the privacy rules are testable without a browser.
 */
import type { EventData } from '../../../src/core/model/event';
import { browserAppName } from '../buckets';
import { isExcluded, type Settings } from '../settings';

/** The fields of the active tab the watchers look at (never the favicon or anything else). */
export type TabSnapshot = {
	url?: string;
	title?: string;
	audible?: boolean;
	incognito: boolean;
};

export type Observation = {
	/** Whether a window of this browser has the system's focus. */
	focused: boolean;
	/** The active tab of the focused window; null when there is none. */
	tab: TabSnapshot | null;
	/** Tabs across all windows the extension can see. */
	tabCount: number;
};

type Rules = Pick<Settings, 'excludedSites' | 'recordPrivate'>;

/** Why nothing is recorded for an observation, or `recorded`. */
export type Verdict = 'recorded' | 'unfocused' | 'no-tab' | 'private' | 'excluded';

export function verdictOf(observation: Observation, rules: Rules): Verdict {
	const { tab } = observation;
	if (!observation.focused) return 'unfocused';
	if (!tab || !tab.url || !tab.title) return 'no-tab';
	if (tab.incognito && !rules.recordPrivate) return 'private';
	if (isExcluded(tab.url, rules.excludedSites)) return 'excluded';
	return 'recorded';
}

/** The tab stream's data: exactly `url`, `title`, `audible`, `incognito`, `tabCount`. */
export function webData(observation: Observation, rules: Rules): EventData | null {
	const { tab } = observation;
	if (verdictOf(observation, rules) !== 'recorded' || !tab) return null;
	return {
		url: tab.url ?? '',
		title: tab.title ?? '',
		audible: tab.audible === true,
		incognito: tab.incognito,
		tabCount: observation.tabCount
	};
}

/** The focus stream's data: the browser's display name and the active tab's title. */
export function windowData(
	observation: Observation,
	rules: Rules,
	browserName: string
): EventData | null {
	const { tab } = observation;
	if (verdictOf(observation, rules) !== 'recorded' || !tab) return null;
	return { app: browserAppName(browserName), title: tab.title ?? '' };
}
