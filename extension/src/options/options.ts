/**
 * The options page: app address, device name, browser name, idle threshold, excluded sites and
 * the private-tab opt-in. Input is validated by `applySettingsChange`; the first bad field is
 * marked and its message shown, and nothing is stored until every field is valid. A new app
 * address asks for host permission in the same click (a user gesture is required for that).
 *
 * The stored settings can change while the page is open (the popup pauses recording, the
 * background adopts the dashboard's idle time), so the page follows them: a save applies the
 * form to the newest settings, and a field the user has not edited shows the new value.
 */
import { isHindsightError } from '../../../src/core/errors';
import { applySettingsChange, type Settings } from '../settings';
import { originPattern, readSettings, SETTINGS_KEY, writeSettings } from '../settings-store';
import { byId } from '../ui';

const TEXT_FIELDS = ['appOrigin', 'deviceName', 'browserName', 'idleThresholdSeconds'] as const;

let current: Settings | null = null;

function fill(settings: Settings): void {
	for (const field of TEXT_FIELDS) byId<HTMLInputElement>(field).value = String(settings[field]);
	byId<HTMLTextAreaElement>('excludedSites').value = settings.excludedSites.join('\n');
	byId<HTMLInputElement>('recordPrivate').checked = settings.recordPrivate;
}

function formValues(): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const field of TEXT_FIELDS) values[field] = byId<HTMLInputElement>(field).value;
	values.excludedSites = byId<HTMLTextAreaElement>('excludedSites').value;
	values.recordPrivate = byId<HTMLInputElement>('recordPrivate').checked;
	return values;
}

function say(text: string, isError = false): void {
	const message = byId('message');
	message.textContent = text;
	message.className = isError ? 'error' : '';
}

function markInvalid(field: string | null): void {
	for (const element of document.querySelectorAll('[aria-invalid]')) {
		element.removeAttribute('aria-invalid');
	}
	if (field) document.getElementById(field)?.setAttribute('aria-invalid', 'true');
}

async function store(next: Settings, granted: boolean): Promise<void> {
	await writeSettings(next);
	current = next;
	fill(next);
	say(
		granted
			? 'Saved.'
			: `Saved. Without access to ${next.appOrigin} nothing is delivered; what is recorded waits until you allow it from the toolbar popup.`
	);
}

function save(event: SubmitEvent): void {
	event.preventDefault();
	if (!current) return;
	let next: Settings;
	try {
		next = applySettingsChange(current, formValues());
	} catch (err) {
		const field = isHindsightError(err) ? String(err.details?.field ?? '') : '';
		markInvalid(field || null);
		say(err instanceof Error ? err.message : String(err), true);
		return;
	}
	markInvalid(null);
	// Asked for in this click, before anything asynchronous, so the gesture still counts.
	const asked = chrome.permissions.request({ origins: [originPattern(next.appOrigin)] });
	void asked.catch(() => false).then((granted) => store(next, granted));
}

/** Shows settings stored elsewhere in the text fields that still show the previous value. */
function follow(next: Settings): void {
	if (!current) return;
	for (const field of TEXT_FIELDS) {
		const input = byId<HTMLInputElement>(field);
		if (input.value === String(current[field])) input.value = String(next[field]);
	}
	current = next;
}

byId<HTMLFormElement>('form').addEventListener('submit', save);
chrome.storage.onChanged.addListener((changes, area) => {
	if (area === 'local' && changes[SETTINGS_KEY]) void readSettings().then(follow);
});
void readSettings().then((settings) => {
	current = settings;
	fill(settings);
});
