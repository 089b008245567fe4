import type { MaskStrategyName } from './types.js';

/** What a column holds, as far as masking cares: the engines map their types onto these. */
export type ColumnClass = 'text' | 'integer' | 'decimal' | 'date' | 'timestamp' | 'uuid' | 'inet' | 'other';

export interface StrategyTraits {
  /** The column types the strategy can write into. */
  fits: readonly ColumnClass[];
  /** Whether the strategy can keep a unique column unique (distinct inputs, distinct outputs). */
  canStayUnique: boolean;
  /**
   * `presence`: the proof looks for sampled originals in every masked column afterwards.
   * `none`: the strategy writes values of the original's own domain (a date, a postcode, the
   * column's own values shuffled), so finding one afterwards proves nothing.
   */
  proof: 'presence' | 'none';
}

const TEXT = ['text'] as const;
const ANY = ['text', 'integer', 'decimal', 'date', 'timestamp', 'uuid', 'inet', 'other'] as const;

export const STRATEGIES: Record<MaskStrategyName, StrategyTraits> = {
  email: { fits: TEXT, canStayUnique: true, proof: 'presence' },
  'first-name': { fits: TEXT, canStayUnique: false, proof: 'presence' },
  'last-name': { fits: TEXT, canStayUnique: false, proof: 'presence' },
  'full-name': { fits: TEXT, canStayUnique: false, proof: 'presence' },
  phone: { fits: TEXT, canStayUnique: false, proof: 'presence' },
  'street-address': { fits: TEXT, canStayUnique: false, proof: 'presence' },
  city: { fits: TEXT, canStayUnique: false, proof: 'presence' },
  postcode: { fits: TEXT, canStayUnique: false, proof: 'none' },
  company: { fits: TEXT, canStayUnique: false, proof: 'presence' },
  iban: { fits: TEXT, canStayUnique: true, proof: 'presence' },
  'credit-card': { fits: TEXT, canStayUnique: false, proof: 'presence' },
  'ip-address': { fits: ['text', 'inet'], canStayUnique: false, proof: 'presence' },
  uuid: { fits: ['text', 'uuid'], canStayUnique: true, proof: 'presence' },
  'date-of-birth': { fits: ['date', 'timestamp'], canStayUnique: false, proof: 'none' },
  hash: { fits: TEXT, canStayUnique: true, proof: 'presence' },
  null: { fits: ANY, canStayUnique: true, proof: 'presence' },
  value: { fits: ANY, canStayUnique: false, proof: 'presence' },
  partial: { fits: TEXT, canStayUnique: false, proof: 'presence' },
  shuffle: { fits: ANY, canStayUnique: true, proof: 'none' },
  noise: { fits: ['integer', 'decimal', 'date', 'timestamp'], canStayUnique: false, proof: 'none' },
  expression: { fits: ANY, canStayUnique: true, proof: 'presence' },
};

export const STRATEGY_NAMES = Object.keys(STRATEGIES) as MaskStrategyName[];

/** The default range of `date-of-birth`. */
export const DATE_OF_BIRTH_RANGE = { min: '1940-01-01', max: '2005-12-31' };

/** The reserved domain (RFC 2606) every fake e-mail address is at: no real address is there. */
export const FAKE_EMAIL_DOMAIN = 'example.com';
/** NANP's area code 555 is not assigned to any real area: no real number is there. */
export const FAKE_PHONE_PREFIX = '+1 555 ';
/** A private range (RFC 1918): no public address is there. */
export const FAKE_IP_PREFIX = '10.';
