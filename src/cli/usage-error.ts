import { DatacloneError } from '../core/errors.js';

/** A command line the CLI cannot understand: exit code 2, and the usage of that command. */
export class UsageError extends DatacloneError {
  constructor(message: string, usage: string) {
    super(message, usage);
  }
}
