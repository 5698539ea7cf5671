import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { appUpdate, getWorker, registerServiceWorker, reloadApp } from './platform';
import { setApi } from './state/api';
import { live } from './state/live.svelte';
import { applyTheme } from './state/settings.svelte';
import { version } from '../../package.json';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks the #app element');

// The theme mirrored in localStorage is applied before the first paint, so a dark-mode user
// never sees a white flash while the worker starts.
const theme = localStorage.getItem('theme');
applyTheme(theme === 'light' || theme === 'dark' ? theme : 'auto');

setApi(getWorker());
void live.start();
void registerServiceWorker();

export default mount(App, {
	target,
	props: { version, updates: appUpdate, onreload: reloadApp }
});
