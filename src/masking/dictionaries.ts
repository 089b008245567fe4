import type { MaskStrategyName } from './types.js';

/** The fake-value lists the build loads into the instance, one table each. */
export type DictionaryName = 'first_name' | 'last_name' | 'city' | 'street_suffix' | 'company_suffix';

export type Dictionaries = Record<DictionaryName, string[]>;

/** The dictionaries each strategy picks from. */
export const DICTIONARIES_OF: Partial<Record<MaskStrategyName, DictionaryName[]>> = {
  email: ['first_name', 'last_name'],
  'first-name': ['first_name'],
  'last-name': ['last_name'],
  'full-name': ['first_name', 'last_name'],
  'street-address': ['last_name', 'street_suffix'],
  city: ['city'],
  company: ['last_name', 'company_suffix'],
};

let loaded: Promise<Dictionaries> | undefined;

/**
 * @faker-js/faker's English locale data: its lists of names, cities and suffixes. Imported on
 * first use only (a build without mask rules, and every other command, never loads it).
 * Entries are deduplicated ignoring case (MySQL and MariaDB compare them so), and kept only when
 * they are letters, spaces, apostrophes and hyphens.
 */
export function loadDictionaries(): Promise<Dictionaries> {
  loaded ??= import('@faker-js/faker/locale/en').then(({ faker }) => {
    const data = faker.rawDefinitions;
    const names = data.person?.first_name;
    const lastNames = data.person?.last_name;
    return {
      first_name: clean([...(names?.generic ?? []), ...(names?.female ?? []), ...(names?.male ?? [])]),
      last_name: clean([...(lastNames?.generic ?? [])]),
      city: clean(data.location?.city_name ?? []),
      street_suffix: clean(data.location?.street_suffix ?? []),
      company_suffix: clean((data.company?.legal_entity_type as string[] | undefined) ?? []),
    };
  });
  return loaded;
}

function clean(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (!/^[A-Za-z][A-Za-z' -]*$/.test(value) || seen.has(key)) continue;
    seen.add(key);
    kept.push(value);
  }
  return kept.sort();
}

/** The part of an e-mail address a dictionary entry gives: lowercase letters only. */
export function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z]/g, '');
}
