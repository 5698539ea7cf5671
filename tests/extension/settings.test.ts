import { describe, expect, it } from 'vitest';
import type { HindsightError } from '../../src/core/errors';
import { isHindsightError } from '../../src/core/errors';
import {
	applySettingsChange,
	defaultDeviceName,
	defaultSettings,
	isExcluded,
	parseAppOrigin,
	parseExcludedSites,
	settingsFromStorage,
	type Settings
} from '../../extension/src/settings';

const BASE: Settings = defaultSettings('linux-3f9a', 'chrome', 'http://127.0.0.1:5600');

function refusal(run: () => unknown): HindsightError {
	try {
		run();
	} catch (err) {
		if (isHindsightError(err, 'invalid_argument')) return err;
		throw err;
	}
	throw new Error('expected invalid_argument');
}

describe('parseAppOrigin', () => {
	it('normalises an origin and tolerates a trailing slash', () => {
		expect(parseAppOrigin(' http://127.0.0.1:5600/ ')).toBe('http://127.0.0.1:5600');
		expect(parseAppOrigin('https://Hindsight.Example:443')).toBe('https://hindsight.example');
	});

	it('refuses paths, other schemes and text that is no address, quoting it', () => {
		for (const text of ['http://127.0.0.1:5600/app', 'ftp://host', 'localhost:5600x', 'x?y']) {
			const err = refusal(() => parseAppOrigin(text));
			expect(err.message).toContain(text);
			expect(err.details?.field).toBe('appOrigin');
		}
	});
});

describe('applySettingsChange', () => {
	it('validates each given field and keeps the others', () => {
		const next = applySettingsChange(BASE, {
			deviceName: ' work-laptop ',
			idleThresholdSeconds: '300',
			excludedSites: 'bank.example\n\n*.mail.example\nhttps://News.Example/today'
		});
		expect(next).toEqual({
			...BASE,
			deviceName: 'work-laptop',
			idleThresholdSeconds: 300,
			excludedSites: ['bank.example', 'mail.example', 'news.example']
		});
		expect(BASE.deviceName).toBe('linux-3f9a');
	});

	it('names the first bad field and the value in its error', () => {
		const cases: [Record<string, unknown>, string, string][] = [
			[{ deviceName: 'my laptop' }, 'deviceName', 'my laptop'],
			[{ deviceName: '' }, 'deviceName', "''"],
			[{ browserName: 'Chrome' }, 'browserName', 'Chrome'],
			[{ idleThresholdSeconds: 10 }, 'idleThresholdSeconds', '10'],
			[{ idleThresholdSeconds: 60.5 }, 'idleThresholdSeconds', '60.5'],
			[{ idleThresholdSeconds: 'soon' }, 'idleThresholdSeconds', 'soon'],
			[{ excludedSites: 'ok.example\nnot a site' }, 'excludedSites', 'not a site'],
			[{ recordPrivate: 'yes' }, 'recordPrivate', 'yes']
		];
		for (const [change, field, quoted] of cases) {
			const err = refusal(() => applySettingsChange(BASE, change));
			expect(err.details?.field, JSON.stringify(change)).toBe(field);
			expect(err.message).toContain(quoted);
		}
	});

	it('refuses options it does not know', () => {
		const err = refusal(() => applySettingsChange(BASE, { colour: 'red' }));
		expect(err.message).toContain('colour');
	});
});

describe('settingsFromStorage', () => {
	it('falls back to the default of each damaged field and keeps the valid ones', () => {
		const stored = {
			deviceName: 'desk',
			idleThresholdSeconds: -4,
			excludedSites: 7,
			enabled: false
		};
		expect(settingsFromStorage(stored, BASE)).toEqual({
			...BASE,
			deviceName: 'desk',
			enabled: false
		});
	});

	it('gives the defaults for nothing stored', () => {
		expect(settingsFromStorage(undefined, BASE)).toEqual(BASE);
		expect(settingsFromStorage('garbage', BASE)).toEqual(BASE);
	});
});

describe('isExcluded', () => {
	const sites = parseExcludedSites(['bank.example']);

	it('covers the site and its subdomains, not look-alikes', () => {
		expect(isExcluded('https://bank.example/login', sites)).toBe(true);
		expect(isExcluded('https://www.bank.example/', sites)).toBe(true);
		expect(isExcluded('https://notbank.example/', sites)).toBe(false);
		expect(isExcluded('https://bank.example.evil/', sites)).toBe(false);
	});

	it('excludes nothing without sites, and never a URL it cannot read', () => {
		expect(isExcluded('https://bank.example/', [])).toBe(false);
		expect(isExcluded('not a url', sites)).toBe(false);
	});
});

describe('defaultDeviceName', () => {
	it('combines the platform and four hex digits', () => {
		expect(defaultDeviceName('linux', new Uint8Array([0x3f, 0x9a]))).toBe('linux-3f9a');
		expect(defaultDeviceName('Mac OS', new Uint8Array([0, 1]))).toBe('macos-0001');
	});

	it('is always a valid device name', () => {
		const name = defaultDeviceName('', new Uint8Array([255, 255]));
		expect(applySettingsChange(BASE, { deviceName: name }).deviceName).toBe('device-ffff');
	});
});
