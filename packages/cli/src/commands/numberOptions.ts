import { InvalidArgumentError } from 'commander';

/** Parser for an option that must be a finite number > 0. */
export function finitePositive(flag: string) {
  return (value: string): number => {
    const x = Number(value);
    if (!(Number.isFinite(x) && x > 0))
      throw new InvalidArgumentError(`${flag} must be a number > 0; got "${value}".`);
    return x;
  };
}

/** Parser for an option that must be in (0, 1]. */
export function unitInterval(flag: string) {
  return (value: string): number => {
    const x = Number(value);
    if (!(x > 0 && x <= 1)) throw new InvalidArgumentError(`${flag} must be in (0, 1]; got "${value}".`);
    return x;
  };
}

/** Parser for an option that must be in the open interval (0, 1). */
export function openUnitInterval(flag: string) {
  return (value: string): number => {
    const x = Number(value);
    if (!(x > 0 && x < 1)) throw new InvalidArgumentError(`${flag} must be between 0 and 1; got "${value}".`);
    return x;
  };
}

/** Parser for an option that must be an integer ≥ 1 (counts: resamples, workers, cut-offs). */
export function positiveInteger(flag: string) {
  return (value: string): number => {
    const x = Number(value);
    if (!(Number.isSafeInteger(x) && x >= 1 && value.trim() !== ''))
      throw new InvalidArgumentError(`${flag} must be an integer >= 1; got "${value}".`);
    return x;
  };
}

/** Parser for an option that must be an integer ≥ 0. */
export function nonNegativeInteger(flag: string) {
  return (value: string): number => {
    const x = Number(value);
    if (!(Number.isSafeInteger(x) && x >= 0 && value.trim() !== ''))
      throw new InvalidArgumentError(`${flag} must be an integer >= 0; got "${value}".`);
    return x;
  };
}

/** Parser for an option that must be an integer (a seed). */
export function safeInteger(flag: string) {
  return (value: string): number => {
    const x = Number(value);
    if (!(Number.isSafeInteger(x) && value.trim() !== ''))
      throw new InvalidArgumentError(`${flag} must be an integer; got "${value}".`);
    return x;
  };
}
