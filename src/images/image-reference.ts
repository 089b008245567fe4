import { DatacloneError } from '../core/errors.js';

// name components, optional registry host[:port], optional :tag or @digest (Docker's grammar, simplified)
const REFERENCE =
  /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** Fails with an error naming `field` when `reference` is not a valid Docker image reference. */
export function validateImageReference(reference: string, field: string): void {
  if (!REFERENCE.test(reference)) {
    throw new DatacloneError(
      `${field}: '${reference}' is not a valid image reference`,
      'Use lowercase letters, digits and separators, with an optional :tag, e.g. dataclone/shop:nightly.',
    );
  }
}
