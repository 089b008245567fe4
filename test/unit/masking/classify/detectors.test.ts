import { describe, expect, it } from 'vitest';
import {
  detectByName,
  isCardNumber,
  isEmail,
  isIban,
  isIpAddress,
  isPhoneNumber,
  isSocialSecurityNumber,
  nameTokens,
  passesLuhn,
} from '../../../../src/masking/classify/detectors.js';

describe('the value detectors', () => {
  it.each(['4111 1111 1111 1111', '4242424242424242', '5555-5555-5555-4444', '378282246310005'])(
    'takes %s for a card number: it passes the Luhn check',
    (value) => expect(isCardNumber(value)).toBe(true),
  );

  it.each([
    ['4111111111111112', 'fails the Luhn check'],
    ['0000000000000000', 'is one digit repeated'],
    ['411111111111', 'has 12 digits'],
    ['41111111111111111111', 'has 20 digits'],
    ['4111 1111 1111 111a', 'holds a letter'],
  ])('does not take %s for a card number: it %s', (value) => expect(isCardNumber(value)).toBe(false));

  it('computes the Luhn checksum from the right', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
  });

  it.each(['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000', 'nl91abna0417164300'])(
    'takes %s for an IBAN: its check digits hold (mod 97)',
    (value) => expect(isIban(value)).toBe(true),
  );

  it.each(['GB82WEST12345698765433', 'GB82', 'XX00 not an iban', '1234567890123456'])(
    'does not take %s for an IBAN',
    (value) => expect(isIban(value)).toBe(false),
  );

  it.each(['ann@example.com', 'first.last+tag@mail.example.co.uk', 'customer17@example.invalid'])(
    'takes %s for an e-mail address',
    (value) => expect(isEmail(value)).toBe(true),
  );

  it.each(['ann@', '@example.com', 'ann example.com', 'ann@example', 'a@b@c.com', 'Ann <ann@example.com>'])(
    'does not take %s for an e-mail address',
    (value) => expect(isEmail(value)).toBe(false),
  );

  it.each([
    '+44 20 7946 0958',
    '(555) 123-4567',
    '020 7946 0958',
    '+31612345678',
    '555-123-4567',
    '0612345678',
  ])('takes %s for a phone number', (value) => expect(isPhoneNumber(value)).toBe(true));

  it.each([
    ['12345678', 'a plain integer'],
    ['2024-01-31', 'a date'],
    ['31.01.2024', 'a date'],
    ['192.168.100.200', 'an IPv4 address'],
    ['12345.67', 'a decimal'],
    ['123456', 'too short'],
    ['+1 555 CALL NOW', 'has letters'],
  ])('does not take %s for a phone number: it is %s', (value) => expect(isPhoneNumber(value)).toBe(false));

  it('takes SSNs and National Insurance numbers for national identity numbers', () => {
    expect(isSocialSecurityNumber('123-45-6789')).toBe(true);
    expect(isSocialSecurityNumber('AB 12 34 56 C')).toBe(true);
    expect(isSocialSecurityNumber('123456789')).toBe(false);
  });

  it('takes IPv4 and IPv6 addresses, with or without a prefix length, for IP addresses', () => {
    expect(isIpAddress('10.0.0.1')).toBe(true);
    expect(isIpAddress('2001:db8::1')).toBe(true);
    expect(isIpAddress('10.0.0.0/8')).toBe(true);
    expect(isIpAddress('300.0.0.1')).toBe(false);
    expect(isIpAddress('1.2.3')).toBe(false);
  });
});

describe('the name detectors', () => {
  it('reads camelCase, kebab-case and snake_case names alike', () => {
    expect(nameTokens('firstName')).toBe('first_name');
    expect(nameTokens('First-Name')).toBe('first_name');
    expect(nameTokens('EMAIL_ADDRESS')).toBe('email_address');
  });

  it.each([
    ['email', 'email'],
    ['EmailAddress', 'email'],
    ['contact_email', 'email'],
    ['phone_number', 'phone'],
    ['mobile', 'phone'],
    ['first_name', 'first-name'],
    ['givenName', 'first-name'],
    ['surname', 'last-name'],
    ['last_name', 'last-name'],
    ['full_name', 'full-name'],
    ['customer_name', 'full-name'],
    ['street', 'street-address'],
    ['address_line_1', 'street-address'],
    ['city', 'city'],
    ['postcode', 'postcode'],
    ['zip_code', 'postcode'],
    ['card_number', 'credit-card'],
    ['pan', 'credit-card'],
    ['iban', 'iban'],
    ['ssn', 'hash'],
    ['national_id', 'hash'],
    ['passport_number', 'hash'],
    ['ip_address', 'ip-address'],
  ])('takes a text column %s for personal data, masked with %s', (name, strategy) => {
    expect(detectByName(name, 'text')?.strategy).toBe(strategy);
  });

  it('takes a date column named date_of_birth or dob for a date of birth', () => {
    expect(detectByName('date_of_birth', 'date')?.strategy).toBe('date-of-birth');
    expect(detectByName('dob', 'date')?.strategy).toBe('date-of-birth');
  });

  it.each([
    ['email_verified', 'boolean', 'other'],
    ['address_id', 'integer', 'number'],
    ['email', 'integer', 'number'],
    ['phone_type', 'text', 'text'],
    ['email_template', 'text', 'text'],
    ['created_at', 'timestamp', 'date'],
    ['country', 'text', 'text'],
    ['description', 'text', 'text'],
    ['capital', 'text', 'text'],
  ] as const)('leaves %s (%s) alone', (name, _type, kind) => {
    expect(detectByName(name, kind)).toBeUndefined();
  });
});
