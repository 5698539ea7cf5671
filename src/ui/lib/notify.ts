/**
 * System notifications: through the service worker's registration where there is one (a PWA
 * may show them only that way on some platforms), else with the Notification constructor.
 */
export async function showNotification(title: string, options: NotificationOptions): Promise<void> {
	const registration = await navigator.serviceWorker?.getRegistration();
	if (registration) await registration.showNotification(title, options);
	else new Notification(title, options);
}

/**
 * Asks for permission to notify. Resolves to null when granted, else to what to tell the user.
 */
export async function askToNotify(): Promise<string | null> {
	if (typeof Notification === 'undefined') {
		return 'This browser cannot show notifications; goals are shown on this page only.';
	}
	const permission =
		Notification.permission === 'default'
			? await Notification.requestPermission()
			: Notification.permission;
	if (permission === 'granted') return null;
	return permission === 'denied'
		? "Notifications are blocked for Hindsight: allow them in the browser's site settings, then turn this on again."
		: 'Notifications were not allowed. Turn this on again and choose Allow when the browser asks.';
}
