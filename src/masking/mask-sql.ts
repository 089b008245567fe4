import { slug, type Dictionaries, type DictionaryName } from './dictionaries.js';
import type { ColumnFacts, MaskingDialect } from './masking-engine.js';
import { DATE_OF_BIRTH_RANGE, FAKE_EMAIL_DOMAIN, FAKE_IP_PREFIX, FAKE_PHONE_PREFIX } from './strategies.js';
import type { ColumnRule } from './types.js';

/**
 * The new value of one column, as an expression over its old value, evaluated by the server.
 *
 * Every fake is chosen by a keyed hash of the original (the secret, the strategy's name, the
 * value as text): the same value gets the same fake in every column, table and database that
 * use the same strategy, so joins and foreign keys between masked columns still hold. A
 * dictionary pick that happens to equal the original takes the next entry instead, so no row
 * keeps its value by chance. NULL stays NULL unless keepNulls is false.
 *
 * A dictionary is written into the expression as a constant the engine indexes in constant time
 * (see MaskingDialect.pick): entry i is the i-th of `dictionaries`, as in the dictionary tables.
 */
export function maskExpression(
  rule: ColumnRule,
  column: ColumnFacts,
  d: MaskingDialect,
  dictionaries: Partial<Dictionaries>,
): string {
  const original = d.column(column.column);
  // A dictionary fake equal to the original gives way to the next entry of the dictionary.
  const unlike = (pick: string, alternative: string) =>
    `COALESCE(NULLIF(${pick}, ${original}), ${alternative})`;
  const options = rule.options;

  // Every draw is a slice of one keyed hash of the original, `h`, which the engine computes once
  // per row where it can (MaskingDialect.withHash).
  const fake = (h: string): string => {
    const n = (start: number) => d.hexNumber(h, start);
    const pick = (
      name: DictionaryName,
      start: number,
      { next = false, field = 'v' as 'v' | 'slug' } = {},
    ) => {
      const values = dictionaries[name] ?? [''];
      const entries = field === 'slug' ? values.map(slug) : values;
      return d.pick(entries, `(${n(start)}${next ? ' + 1' : ''}) % ${values.length}`);
    };
    switch (rule.strategy) {
      case 'first-name':
        return unlike(pick('first_name', 1), pick('first_name', 1, { next: true }));
      case 'last-name':
        return unlike(pick('last_name', 1), pick('last_name', 1, { next: true }));
      case 'full-name':
        return unlike(
          `concat(${pick('first_name', 1)}, ' ', ${pick('last_name', 9)})`,
          `concat(${pick('first_name', 1, { next: true })}, ' ', ${pick('last_name', 9)})`,
        );
      case 'email': {
        // At the reserved domain, so no fake is anyone's real address, with 64 bits of the hash in
        // it: unique wherever the originals are (two of 8 million addresses collide with odds of
        // about 2 in a million), and the same fake in a unique column and in any other.
        const address = (next: boolean) =>
          `concat(${pick('first_name', 1, { next, field: 'slug' })}, '.', ${pick('last_name', 9, { field: 'slug' })}, '.', substr(${h}, 17, 16), '@${FAKE_EMAIL_DOMAIN}')`;
        return unlike(address(false), address(true));
      }
      case 'phone':
        return `concat('${FAKE_PHONE_PREFIX}', ${d.digits(`${n(1)} % 10000000`, 7)})`;
      case 'street-address':
        return `concat(${n(1)} % 9900 + 100, ' ', ${pick('last_name', 9)}, ' ', ${pick('street_suffix', 17)})`;
      case 'city':
        return unlike(pick('city', 1), pick('city', 1, { next: true }));
      case 'postcode':
        return d.digits(`${n(1)} % 100000`, 5);
      case 'company':
        return `concat(${pick('last_name', 1)}, ' ', ${pick('company_suffix', 9)})`;
      case 'iban':
        return ibanExpression(d, n);
      case 'credit-card':
        return creditCardExpression(d, n);
      case 'ip-address':
        return `concat('${FAKE_IP_PREFIX}', ${n(1)} % 256, '.', ${n(9)} % 256, '.', ${n(17)} % 254 + 1)`;
      case 'uuid':
        return `concat(substr(${h}, 1, 8), '-', substr(${h}, 9, 4), '-4', substr(${h}, 14, 3), '-8', substr(${h}, 18, 3), '-', substr(${h}, 21, 12))`;
      case 'hash':
        return column.maxLength !== undefined && column.maxLength < 64
          ? `substr(${h}, 1, ${column.maxLength})`
          : h;
      case 'date-of-birth': {
        const min = options.min ?? DATE_OF_BIRTH_RANGE.min;
        const max = options.max ?? DATE_OF_BIRTH_RANGE.max;
        return d.addDays(`DATE '${min}'`, `${n(1)} % ${daysBetween(min, max) + 1}`);
      }
      case 'null':
        return 'NULL';
      case 'value':
        return typeof options.value === 'string' ? d.literal(options.value) : String(options.value);
      case 'partial':
        return partialExpression(d, original, options.keepFirst ?? 0, options.keepLast ?? 0);
      case 'noise':
        if (options.days !== undefined)
          return d.addDays(original, `${n(1)} % ${2 * options.days + 1} - ${options.days}`);
        // A move of up to amount either way, in millionths of it.
        return `${original} + (${n(1)} % 2000001 - 1000000) * ${options.amount ?? 0} / 1000000`;
      case 'expression':
        return `(${options.sql ?? 'NULL'})`;
      case 'shuffle':
        throw new Error('shuffle is a statement of its own, not an expression');
    }
  };
  const masked = WITHOUT_HASH.includes(rule.strategy)
    ? fake('')
    : d.withHash(d.keyedHash(`COALESCE(${d.asText(original)}, '')`, rule.strategy), fake);
  // noise and expression are of the column's own type already; NULL is of every type.
  const typed = ['null', 'noise', 'expression'].includes(rule.strategy) ? masked : d.assign(masked, column);
  return rule.keepNulls && rule.strategy !== 'null'
    ? `CASE WHEN ${original} IS NULL THEN NULL ELSE ${typed} END`
    : typed;
}

/** The strategies that draw nothing from the keyed hash. */
const WITHOUT_HASH: readonly ColumnRule['strategy'][] = ['null', 'value', 'partial', 'expression'];

/**
 * A condition true of an original the strategy could have written itself (a first name of the
 * dictionary, an address at the fake domain): such a value found after masking may be another
 * row's fake, so the proof does not sample it. Undefined when no fake can equal an original.
 */
export function couldBeAFake(rule: ColumnRule, value: string, d: MaskingDialect): string | undefined {
  const inDictionary = (name: DictionaryName, text = value) =>
    `${text} IN (SELECT v FROM ${d.dictionaryTable(name)})`;
  const endsWithEntry = (name: DictionaryName) =>
    `EXISTS (SELECT 1 FROM ${d.dictionaryTable(name)} s WHERE ${value} LIKE concat('% ', s.v))`;
  const text = d.asText(value);
  switch (rule.strategy) {
    case 'first-name':
      return inDictionary('first_name');
    case 'last-name':
      return inDictionary('last_name');
    case 'city':
      return inDictionary('city');
    case 'full-name':
      return inDictionary('first_name', d.firstWord(value));
    case 'street-address':
      return endsWithEntry('street_suffix');
    case 'company':
      return endsWithEntry('company_suffix');
    case 'email':
      return `${value} LIKE '%@${FAKE_EMAIL_DOMAIN}'`;
    case 'phone':
      return `${value} LIKE '${FAKE_PHONE_PREFIX}%'`;
    case 'ip-address':
      return `${text} LIKE '${FAKE_IP_PREFIX}%'`;
    case 'value':
      return `${text} = ${d.literal(String(rule.options.value))}`;
    default:
      return undefined;
  }
}

/** The longest text the strategy writes into this column, where that is known in advance. */
export function longestFake(
  rule: ColumnRule,
  column: ColumnFacts,
  dictionaries: Partial<Dictionaries>,
): number | undefined {
  const longest = (name: DictionaryName) =>
    Math.max(0, ...(dictionaries[name] ?? []).map((entry) => entry.length));
  const unique = rule.unique || column.unique;
  switch (rule.strategy) {
    case 'first-name':
      return longest('first_name');
    case 'last-name':
      return longest('last_name');
    case 'full-name':
      return longest('first_name') + 1 + longest('last_name');
    case 'email':
      return (
        longest('first_name') + 1 + longest('last_name') + (unique ? 17 : 0) + 1 + FAKE_EMAIL_DOMAIN.length
      );
    case 'phone':
      return FAKE_PHONE_PREFIX.length + 7;
    case 'street-address':
      return 4 + 1 + longest('last_name') + 1 + longest('street_suffix');
    case 'city':
      return longest('city');
    case 'postcode':
      return 5;
    case 'company':
      return longest('last_name') + 1 + longest('company_suffix');
    case 'iban':
      return 22;
    case 'credit-card':
      return 16;
    case 'ip-address':
      return 15;
    case 'uuid':
      return 36;
    case 'hash':
      return 8;
    case 'value':
      return typeof rule.options.value === 'string'
        ? rule.options.value.length
        : String(rule.options.value).length;
    default:
      return undefined;
  }
}

/** A German IBAN (DE, two check digits, 18 digits) whose check digits are right (ISO 13616, mod 97). */
function ibanExpression(d: MaskingDialect, n: (start: number) => string): string {
  const bban = `concat(${d.digits(`${n(1)} % 1000000000`, 9)}, ${d.digits(`${n(9)} % 1000000000`, 9)})`;
  // DE is 1314 in the check's letters-to-digits, and the check digits are 00 while computing them.
  const check = `98 - ${d.mod97(`concat(${bban}, '131400')`)}`;
  return `concat('DE', ${d.digits(check, 2)}, ${bban})`;
}

/** A 16-digit card number starting with 4, its last digit the Luhn check digit of the others. */
function creditCardExpression(d: MaskingDialect, n: (start: number) => string): string {
  const body = `concat('4', ${d.digits(`${n(1)} % 10000000`, 7)}, ${d.digits(`${n(9)} % 10000000`, 7)})`;
  // From the right of the 15 digits, the 1st, 3rd, ... are doubled (the check digit comes after).
  const terms = Array.from({ length: 15 }, (_, i) => {
    const digit = d.toInteger(`substr(${body}, ${i + 1}, 1)`);
    const doubled = (15 - i) % 2 === 1;
    return doubled ? `(CASE WHEN ${digit} > 4 THEN ${digit} * 2 - 9 ELSE ${digit} * 2 END)` : digit;
  });
  return `concat(${body}, (10 - (${terms.join(' + ')}) % 10) % 10)`;
}

/** Keeps `first` characters at the start and `last` at the end; the others become X. A value
 * no longer than what is kept becomes all X. */
function partialExpression(d: MaskingDialect, original: string, first: number, last: number): string {
  const length = d.characterLength(original);
  return `CASE WHEN ${length} <= ${first + last} THEN repeat('X', ${length}) ELSE concat(${first > 0 ? `substr(${original}, 1, ${first})` : "''"}, repeat('X', ${length} - ${first + last}), ${last > 0 ? `substr(${original}, ${length} - ${last - 1}, ${last})` : "''"}) END`;
}

function daysBetween(min: string, max: string): number {
  return Math.round((Date.parse(`${max}T00:00:00Z`) - Date.parse(`${min}T00:00:00Z`)) / 86_400_000);
}
