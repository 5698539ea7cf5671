/**
 * Regular expressions of the query language (query-language.md 11): the Rust dialect translated
 * to JavaScript RegExps.
 */
export { compileRegex, supportsModifierGroups, type CompiledRegex } from './compile';
export { regexCompileError } from './errors';
export { translatePattern, type Translation, type TranslateOptions } from './translate';
