import { randomBytes, randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A password of letters and digits only: safe in URLs, JDBC properties, shell words and SQL
 * string literals without quoting. 32 characters give about 190 bits.
 */
export function randomPassword(length = 32): string {
  let password = '';
  for (let i = 0; i < length; i++) password += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return password;
}

/** A short lowercase suffix for names: `shop-4f9c2a`. */
export function randomSuffix(bytes = 3): string {
  return randomBytes(bytes).toString('hex');
}
