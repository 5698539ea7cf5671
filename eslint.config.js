import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// Layering (see STYLE.md): ui -> worker -> store -> core; sw and api use store and core; the
// extension uses client and core. src/core must stay free of the DOM, Dexie and Svelte.
const layer = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default ts.config(
	{
		ignores: ['dist', 'dist-*', 'node_modules', 'coverage', 'test-results', 'tests/**/samples/**']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs['flat/recommended'],
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node, ...globals.serviceworker }
		},
		rules: {
			'no-console': 'error',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }
			],
			'@typescript-eslint/consistent-type-imports': 'error'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } }
	},
	{
		files: ['src/core/**'],
		languageOptions: { globals: { ...globals.es2023 } },
		rules: {
			...layer([
				{ group: ['dexie', 'dexie/*'], message: 'src/core must not depend on Dexie.' },
				{ group: ['svelte', 'svelte/*'], message: 'src/core must not depend on Svelte.' },
				{ group: ['comlink', 'workbox-*'], message: 'src/core is pure TypeScript.' },
				{
					group: [
						'**/store/**',
						'**/worker/**',
						'**/ui/**',
						'**/sw/**',
						'**/api/**',
						'**/client/**'
					],
					message: 'src/core is the bottom layer and imports nothing above it.'
				}
			]),
			'no-restricted-globals': [
				'error',
				'window',
				'document',
				'navigator',
				'indexedDB',
				'localStorage',
				'self',
				'location',
				'fetch'
			]
		}
	},
	{
		files: ['src/store/**'],
		rules: layer([
			{
				group: ['**/worker/**', '**/ui/**', '**/sw/**', '**/api/**', '**/client/**'],
				message: 'src/store sits below worker, api, sw and ui.'
			},
			{ group: ['svelte', 'svelte/*'], message: 'src/store must not depend on Svelte.' }
		])
	},
	{
		files: ['src/api/**'],
		rules: layer([
			{
				group: ['**/worker/**', '**/ui/**', '**/sw/**', '**/client/**'],
				message: 'src/api uses only store and core.'
			},
			{ group: ['svelte', 'svelte/*'], message: 'src/api must not depend on Svelte.' }
		])
	},
	{
		files: ['src/client/**'],
		rules: layer([
			{
				group: [
					'**/store/**',
					'**/worker/**',
					'**/ui/**',
					'**/sw/**',
					'**/api/**',
					'dexie',
					'svelte'
				],
				message: 'src/client speaks HTTP (or the bridge) only; it uses core at most.'
			}
		])
	},
	{
		files: ['src/worker/**'],
		rules: layer([
			{
				group: ['**/ui/**', '**/sw/**', 'svelte', 'svelte/*'],
				message: 'src/worker sits below the UI.'
			}
		])
	},
	{
		files: ['src/ui/**'],
		rules: layer([
			{
				group: ['dexie', 'dexie/*', '**/store/**'],
				message: 'The UI never touches Dexie; go through the worker proxy.'
			}
		])
	},
	{
		files: ['extension/**'],
		rules: layer([
			{
				group: [
					'**/src/store/**',
					'**/src/worker/**',
					'**/src/ui/**',
					'**/src/sw/**',
					'**/src/api/**',
					'dexie'
				],
				message: 'The extension uses src/client and src/core only.'
			}
		])
	},
	{
		files: ['src/core/log.ts', 'scripts/**', 'tests/**'],
		rules: { 'no-console': 'off' }
	}
);
