import { isIP } from 'node:net';

/**
 * What classify looks for: personal data recognised by a column's name and by the values it
 * holds. Each detector names the masking strategy that fits what it found, and the kinds of
 * column it applies to, so that `email_verified boolean` or `address_id integer` is not taken
 * for an e-mail or an address.
 */
export interface Detector {
  /** What the column holds, in a user's words: `e-mail addresses`. */
  what: string;
  /** What its name says: `e-mail`. */
  label: string;
  strategy: string;
  /** The column kinds a name match counts for. */
  kinds: ColumnKind[];
  /** Matches a column name normalised by `nameTokens` (lower case, `_` between words). */
  name?: RegExp;
  /** Whether one sampled value (as text) looks like this kind of data. */
  value?: (value: string) => boolean;
}

/** What a column's type makes it, for detection: its values are only sampled when text or number. */
export type ColumnKind = 'text' | 'number' | 'date' | 'network' | 'other';

/**
 * In order of precedence: a column named `email_address` is an e-mail, not a street address,
 * and `ip_address` an IP address.
 */
export const DETECTORS: Detector[] = [
  {
    what: 'e-mail addresses',
    label: 'e-mail',
    strategy: 'email',
    kinds: ['text'],
    name: /(^|_)e_?mail(s|_address(es)?)?($|_)/,
    value: isEmail,
  },
  {
    what: 'card numbers',
    label: 'card number',
    strategy: 'credit-card',
    kinds: ['text', 'number'],
    name: /(^|_)(credit_?card|card_?(number|no|num)|cc_?(number|num|no)|pan)($|_)/,
    value: isCardNumber,
  },
  {
    what: 'IBANs',
    label: 'IBAN',
    strategy: 'iban',
    kinds: ['text'],
    name: /(^|_)(iban|bank_?account(_?(number|no))?)($|_)/,
    value: isIban,
  },
  {
    what: 'national identity numbers',
    label: 'national identity number',
    strategy: 'hash',
    kinds: ['text', 'number'],
    name: /(^|_)(ssn|social_?security(_?number)?|national_?(id|identity|insurance)(_?number)?|nino|tax_?(id|number)|bsn|personal_?(id|number)|id_?card(_?number)?)($|_)/,
    value: isSocialSecurityNumber,
  },
  {
    what: 'passport numbers',
    label: 'passport number',
    strategy: 'hash',
    kinds: ['text'],
    name: /(^|_)passport(_?(number|no|num))?($|_)/,
  },
  {
    what: 'IP addresses',
    label: 'IP address',
    strategy: 'ip-address',
    kinds: ['text', 'network'],
    name: /(^|_)(ip|ip_?addr(ess)?|ipv[46]|remote_?addr(ess)?|client_?ip)($|_)/,
    value: isIpAddress,
  },
  {
    what: 'phone numbers',
    label: 'phone number',
    strategy: 'phone',
    kinds: ['text'],
    name: /(^|_)(phone|telephone|tel|mobile|cell|cellphone|fax|msisdn)(_?(number|no|num))?($|_)/,
    value: isPhoneNumber,
  },
  {
    what: 'first names',
    label: 'first name',
    strategy: 'first-name',
    kinds: ['text'],
    name: /(^|_)(first_?name|given_?name|forename|fname)($|_)/,
  },
  {
    what: 'last names',
    label: 'last name',
    strategy: 'last-name',
    kinds: ['text'],
    name: /(^|_)(last_?name|surname|family_?name|lname)($|_)/,
  },
  {
    what: 'full names',
    label: 'full name',
    strategy: 'full-name',
    kinds: ['text'],
    name: /(^|_)(full_?name|display_?name|(customer|contact|person|holder|owner|account_?holder|card_?holder|billing|shipping)_?name)($|_)/,
  },
  {
    what: 'dates of birth',
    label: 'date of birth',
    strategy: 'date-of-birth',
    kinds: ['date', 'text'],
    name: /(^|_)(birth_?date|date_?of_?birth|dob|birthday|born(_?(on|at))?)($|_)/,
  },
  {
    what: 'postcodes',
    label: 'postcode',
    strategy: 'postcode',
    kinds: ['text'],
    name: /(^|_)(post_?code|postal_?code|zip|zip_?code)($|_)/,
  },
  {
    what: 'cities',
    label: 'city',
    strategy: 'city',
    kinds: ['text'],
    name: /(^|_)(city|town)($|_)/,
  },
  {
    what: 'street addresses',
    label: 'street address',
    strategy: 'street-address',
    kinds: ['text'],
    name: /(^|_)(street(_?address)?|address(_?line)?(_?\d)?|addr(_?\d)?|house_?number)($|_)/,
  },
];

/** A column called `name` names a person in a table of people. */
export const PEOPLE_TABLE =
  /(^|_)(customer|user|person|people|employee|member|contact|client|patient|student|author|subscriber|account_?holder|applicant|guest|passenger)s?$/;

/** Words that make a name about personal data, not the data itself: `email_template`, `phone_type`. */
const NOT_THE_DATA =
  /(^|_)(type|kind|status|count|verified|confirmed|enabled|template|subject|format|flag|domain|hash)$/;

/** `firstName`, `First-Name` and `first_name` alike: `first_name`. */
export function nameTokens(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The first detector a column's name matches, when the column's kind fits it. */
export function detectByName(column: string, kind: ColumnKind): Detector | undefined {
  const tokens = nameTokens(column);
  if (NOT_THE_DATA.test(tokens)) return undefined;
  return DETECTORS.find((detector) => detector.kinds.includes(kind) && detector.name?.test(tokens));
}

const EMAIL =
  /^[^\s@<>(),;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value.trim());
}

/** 13 to 19 digits (spaces or dashes between groups allowed) that pass the Luhn check. */
export function isCardNumber(value: string): boolean {
  const trimmed = value.trim();
  if (!/^\d[\d -]{11,22}\d$/.test(trimmed)) return false;
  const digits = trimmed.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  // Every digit the same (0000 0000 0000 0000) passes Luhn and is no card.
  if (/^(\d)\1+$/.test(digits)) return false;
  return passesLuhn(digits);
}

/** The Luhn checksum card numbers carry in their last digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Country code, two check digits and 11-30 letters or digits, passing ISO 7064 mod 97-10. */
export function isIban(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const code = character >= 'A' ? String(character.charCodeAt(0) - 55) : character;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** The shape of a US social security number: 123-45-6789, or a UK National Insurance number. */
export function isSocialSecurityNumber(value: string): boolean {
  const trimmed = value.trim().toUpperCase();
  return (
    /^\d{3}-\d{2}-\d{4}$/.test(trimmed) || /^[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/.test(trimmed)
  );
}

export function isIpAddress(value: string): boolean {
  return isIP(value.trim().replace(/\/\d{1,3}$/, '')) !== 0;
}

/**
 * 7 to 15 digits written as people write phone numbers: with a leading `+`, `0` or `(`, or with
 * separators between groups. Plain integers, decimals, dates, times and IPv4 addresses are not.
 */
export function isPhoneNumber(value: string): boolean {
  const trimmed = value.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(trimmed)) return false;
  if (/^\d+(\.\d+)?$/.test(trimmed) && !trimmed.startsWith('0')) return false;
  if (isIP(trimmed) !== 0) return false;
  if (/^\d+\.\d+$/.test(trimmed)) return false;
  const groups = trimmed.split(/[\s().-]+/).filter(Boolean).length;
  return trimmed.startsWith('+') || trimmed.startsWith('(') || trimmed.startsWith('0') || groups >= 3;
}
