/**
 * The one error type users see. `message` says what went wrong and names the file, field, input
 * or clone; `hint` says what to do about it. Adapters print both and never a stack trace unless
 * asked for one.
 */
export class DatacloneError extends Error {
  override readonly name = 'DatacloneError';

  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isDatacloneError(error: unknown): error is DatacloneError {
  return error instanceof DatacloneError;
}

/** A message and hint for any thrown value, for adapters that print errors to a user. */
export function describeError(error: unknown): { message: string; hint?: string } {
  if (isDatacloneError(error))
    return error.hint ? { message: error.message, hint: error.hint } : { message: error.message };
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}
