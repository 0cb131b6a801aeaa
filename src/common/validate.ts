import { DomainError, UserErrorCode, type UserErrorInit } from './errors.js';

/**
 * Collects every input problem of a mutation so the client gets them all at once, each naming its
 * field. Services call `check.throwIfAny()` before touching the database.
 */
export class InputCheck {
  readonly problems: UserErrorInit[] = [];
  constructor(private readonly prefix: string[] = ['input']) {}

  fail(field: string | string[], message: string, code: UserErrorCode = UserErrorCode.INVALID_INPUT): this {
    this.problems.push({ code, message, field: [...this.prefix, ...(Array.isArray(field) ? field : [field])] });
    return this;
  }

  /** Trimmed text of 1..max characters, without control characters. Returns the cleaned value. */
  text(field: string, value: string | null | undefined, opts: { max: number; min?: number; optional?: boolean }): string {
    if (value == null) {
      if (!opts.optional) this.fail(field, `${field} is required`);
      return '';
    }
    const v = value.trim();
    const min = opts.min ?? (opts.optional ? 0 : 1);
    if (v.length < min) this.fail(field, min === 1 ? `${field} must not be empty` : `${field} must be at least ${min} characters`);
    else if (v.length > opts.max) this.fail(field, `${field} must be at most ${opts.max} characters`);
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v)) this.fail(field, `${field} contains control characters`);
    return v;
  }

  int(field: string, value: number | null | undefined, min: number, max: number): number {
    if (value == null || !Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `${field} must be a whole number from ${min} to ${max}`);
    }
    return value ?? 0;
  }

  date(field: string, value: Date | null | undefined, opts: { notAfter?: Date; notBefore?: Date } = {}): Date {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      this.fail(field, `${field} must be a date`);
      return new Date(NaN);
    }
    if (opts.notAfter && value > opts.notAfter) this.fail(field, `${field} must not be in the future`);
    if (opts.notBefore && value < opts.notBefore) this.fail(field, `${field} is too early`);
    return value;
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.problems.length) throw new DomainError(this.problems);
  }
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;
export function isEmail(v: string): boolean {
  return EMAIL.test(v) && v.length <= 254;
}
