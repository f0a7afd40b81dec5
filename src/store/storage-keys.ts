// The names the app stores its data under. No imports: the landing page reads the saved plans'
// index with these without loading the store or the rules.

export const storageKey = 'tyk-upgrade-wizard';
/** Stored data this version cannot read is copied under this prefix before anything replaces it. */
export const keptAsidePrefix = `${storageKey}.kept-aside.`;
/** The plan open in this tab, in sessionStorage: each tab keeps its own. */
export const openPlanKey = `${storageKey}.open-plan`;
/** A short list of the saved plans, written with every change, for the landing page. */
export const planIndexKey = `${storageKey}.index`;
/**
 * The schema of what is stored under `storageKey`. Version 1 kept plans in an array and progress
 * as a list of ticked keys without times; version 2 had no step records (fingerprints, skips,
 * failures, notes) and no cover fields.
 */
export const schemaVersion = 3;
/** How the reader likes the plan shown (wrapped command lines), apart from the plans. */
export const preferencesKey = `${storageKey}.preferences`;
