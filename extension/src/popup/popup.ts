/**
 * The toolbar popup: whether the extension records, what it delivered last, how much waits in
 * the outbox, and the one action that needs a user's click: granting host permission for the
 * app's origin (`chrome.permissions.request` only works from a user gesture).
 */
import { OUTBOX_META_KEY, outboxSize, type OutboxMeta } from '../outbox';
import { applySettingsChange } from '../settings';
import { hasHostPermission, originPattern, readSettings, writeSettings } from '../settings-store';
import {
	INITIAL_STATUS,
	STATUS_KEY,
	type DeliveryStatus,
	type RecordingState,
	type StorageError
} from '../status';
import { byId, formatTime } from '../ui';

const RECORDING_TEXT: Record<RecordingState, string> = {
	recorded: 'The active tab',
	unfocused: 'Nothing: the browser is not focused',
	'no-tab': 'Nothing: no tab to record',
	private: 'Nothing: private tabs are not recorded',
	excluded: 'Nothing: this site is excluded',
	paused: 'Paused'
};

/** What the popup says while new entries cannot be stored in the outbox. */
function storageText(error: StorageError): string {
	const lost = error.lost === 1 ? '1 entry' : `${error.lost} entries`;
	const cause =
		error.code === 'quota_exceeded'
			? "the extension's storage is full"
			: "the extension's storage failed";
	return `${lost} since ${formatTime(error.since)}: ${cause} (${error.message})`;
}

/** The origin shown, kept so that a click can ask for permission without waiting for storage. */
let shownOrigin = '';

async function render(): Promise<void> {
	const settings = await readSettings();
	shownOrigin = settings.appOrigin;
	const items = await chrome.storage.local.get([STATUS_KEY, OUTBOX_META_KEY]);
	const status: DeliveryStatus = { ...INITIAL_STATUS, ...(items[STATUS_KEY] ?? {}) };
	const waiting = outboxSize(items[OUTBOX_META_KEY] as OutboxMeta | undefined);
	const permitted = await hasHostPermission(settings.appOrigin);

	byId('permission').hidden = permitted;
	byId('permission-origin').textContent = settings.appOrigin;
	byId('recording').textContent = settings.enabled
		? RECORDING_TEXT[status.recording]
		: RECORDING_TEXT.paused;
	byId('last-delivered').textContent = status.lastDelivered
		? `${formatTime(status.lastDelivered.at)} (${status.lastDelivered.bucket})`
		: 'Nothing yet';
	byId('outbox').textContent = waiting === 1 ? '1 entry' : `${waiting} entries`;
	byId('device').textContent = settings.deviceName;
	byId<HTMLInputElement>('enabled').checked = settings.enabled;

	const storage = status.storageError;
	byId('storage-label').hidden = !storage;
	byId('storage').hidden = !storage;
	byId('storage').textContent = storage ? storageText(storage) : '';

	const problem = permitted && waiting > 0 ? status.lastError : null;
	byId('error-label').hidden = !problem;
	byId('error').hidden = !problem;
	byId('error').textContent = problem ? problem.message : '';
}

/** Must call `permissions.request` synchronously in the click, while the gesture counts. */
function grant(): void {
	if (!shownOrigin) return;
	void chrome.permissions.request({ origins: [originPattern(shownOrigin)] }).then(render);
}

async function toggle(event: Event): Promise<void> {
	const enabled = (event.target as HTMLInputElement).checked;
	await writeSettings(applySettingsChange(await readSettings(), { enabled }));
}

async function openDashboard(event: Event): Promise<void> {
	event.preventDefault();
	const { appOrigin } = await readSettings();
	await chrome.tabs.create({ url: `${appOrigin}/` });
}

byId('grant').addEventListener('click', grant);
byId('enabled').addEventListener('change', (event) => void toggle(event));
byId('dashboard').addEventListener('click', (event) => void openDashboard(event));
byId('options').addEventListener('click', (event) => {
	event.preventDefault();
	void chrome.runtime.openOptionsPage();
});
chrome.storage.onChanged.addListener(() => void render());
void render();
