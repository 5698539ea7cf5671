/**
 * Categorizing and tagging (query-language.md 8.6 and section 10).
 */
import { categorize, tag } from '../../../transforms';
import { eventList } from '../values';
import { categoryRules, tagRules } from './rules';
import { define, events } from './signature';

const categorizeFn = define('categorize', [events, categoryRules], ([e, rules]) =>
	eventList(categorize(e, rules))
);

const tagFn = define('tag', [events, tagRules], ([e, rules]) => eventList(tag(e, rules)));

/** `categorize` and `tag`. */
export const CLASSIFICATION = [categorizeFn, tagFn];
