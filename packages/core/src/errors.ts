/**
 * The one catalogue of error codes. Codes are stable: the CLI maps them to exit codes and messages, the server
 * (later) to HTTP statuses. Add a code here before throwing it anywhere.
 */
export const ErrorCodes = {
  /** A parameter is outside what the function accepts (wrong range, unknown option). */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** Arrays that must pair element by element have different lengths. */
  LENGTH_MISMATCH: 'LENGTH_MISMATCH',
  /** No data where some is required. */
  EMPTY_INPUT: 'EMPTY_INPUT',
  /** NaN or ±Infinity where finite numbers are required. */
  NON_FINITE: 'NON_FINITE',
  /** A metric needs at least two classes and got one (e.g. ROC AUC). */
  ONE_CLASS: 'ONE_CLASS',
  /** Probabilities outside [0, 1], or rows that do not sum to 1. */
  INVALID_PROBABILITY: 'INVALID_PROBABILITY',
  /** A column named by the user does not exist. */
  UNKNOWN_COLUMN: 'UNKNOWN_COLUMN',
  /** A value cannot be read as the column's type. */
  TYPE_MISMATCH: 'TYPE_MISMATCH',
  /** Two data sets that must share columns do not. */
  SCHEMA_MISMATCH: 'SCHEMA_MISMATCH',
  /** A file does not exist. */
  FILE_NOT_FOUND: 'FILE_NOT_FOUND',
  /** A file exists but cannot be read in the format it claims. */
  UNREADABLE_FILE: 'UNREADABLE_FILE',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Where in the user's data a problem is: every field optional, filled in by whoever knows it. */
export interface ErrorLocation {
  file?: string;
  column?: string;
  /** 1-based data row (the header is row 0), as a person counts rows in a spreadsheet. */
  row?: number;
  /** 1-based line in a text file the user wrote (a suite YAML), as an editor counts lines. */
  line?: number;
}

/**
 * Every error Vigil throws on purpose. `code` is from {@link ErrorCodes}; `hint` says what the user can do.
 * Message template (STYLE.md): `<function>: <parameter> must be <rule>; got <value>`.
 */
export class VigilError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly location: ErrorLocation;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      hint?: string;
      location?: ErrorLocation;
      details?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VigilError';
    this.code = code;
    this.hint = options.hint;
    this.location = options.location ?? {};
    this.details = options.details;
  }
}

/** True for errors thrown by Vigil on purpose (as opposed to bugs). */
export function isVigilError(error: unknown): error is VigilError {
  return error instanceof VigilError;
}
