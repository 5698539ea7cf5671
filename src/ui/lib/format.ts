/** Formatting of durations and times for display. */
import { format } from 'date-fns';
import { instantToDate } from '../../core/model/time';

/** Seconds as `2h 05m`, `12m 30s` or `45s`. */
export function formatDuration(seconds: number): string {
	const total = Math.max(0, Math.round(seconds));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const secs = total % 60;
	if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
	if (minutes > 0) return `${minutes}m ${String(secs).padStart(2, '0')}s`;
	return `${secs}s`;
}

/** Seconds as `h:mm` (bar-chart hover text). */
export function formatHoursMinutes(seconds: number): string {
	const minutes = Math.round(seconds / 60);
	return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A local date and time, `2024-05-01 09:30:15`. */
export function formatDateTime(date: Date | number): string {
	return format(date, 'yyyy-MM-dd HH:mm:ss');
}

/** An instant (microseconds) as `formatDateTime` writes it; `—` when there is none. */
export function formatInstantTime(us: number | null): string {
	return us === null ? '—' : formatDateTime(instantToDate(us));
}

/** How long ago, coarsely: `just now`, `5 min ago`, `3 h ago`, `2 days ago`. */
export function formatAgo(date: Date | number, now: number = Date.now()): string {
	const seconds = Math.round((now - +date) / 1000);
	if (seconds < 60) return 'just now';
	if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
	if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
	return `${Math.floor(seconds / 86_400)} days ago`;
}

/**
 * Text made safe to place inside HTML. ECharts renders custom tooltip formatters as HTML, and
 * names there (categories, titles, URLs) come from users' data and imported files.
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
