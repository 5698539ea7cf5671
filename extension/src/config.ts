/**
 * Build-time configuration. `extension/vite.config.ts` replaces `__HINDSIGHT_APP_ORIGIN__` with
 * the origin the build was made for (`HINDSIGHT_APP_ORIGIN`, default the app's usual address);
 * the manifest's host permission is made for the same origin.
 */
import { DEFAULT_APP_ORIGIN } from './settings';

declare const __HINDSIGHT_APP_ORIGIN__: string | undefined;

/** The app origin a fresh install uses, and the one it holds host permission for. */
export const BUILD_APP_ORIGIN: string =
	typeof __HINDSIGHT_APP_ORIGIN__ === 'string' ? __HINDSIGHT_APP_ORIGIN__ : DEFAULT_APP_ORIGIN;
