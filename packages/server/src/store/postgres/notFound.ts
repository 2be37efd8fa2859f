import { ErrorCodes, VigilError } from '@vigil/core';

/** The error of a call naming a record that does not exist (message template of STYLE.md). */
export function notFound(fn: string, parameter: string, rule: string, value: unknown): VigilError {
  return new VigilError(
    ErrorCodes.INVALID_ARGUMENT,
    `${fn}: ${parameter} must be ${rule}; got ${JSON.stringify(value)}`,
  );
}
