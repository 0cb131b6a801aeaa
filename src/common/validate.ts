import { plainDate } from './date.js';
import { DomainError, UserErrorCode, type UserErrorInit } from './errors.js';
import { commonMessage } from './messages.js';

interface TextOptions {
  max: number;
  min?: number;
  optional?: boolean;
}

/** Free text (descriptions, comments): C0 controls and DEL, except tab and line breaks. */
// eslint-disable-next-line no-control-regex
const TEXT_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Names and titles are shown on one line in lists, certificates, CSV exports and the big screen, so
 * besides every Unicode control character (Cc: C0 including tab and line breaks, DEL, C1) they refuse
 * - U+2028/U+2029, line and paragraph separators: they break a line just like \n does;
 * - U+202A–U+202E and U+2066–U+2069, bidi embeddings, overrides and isolates: invisible, they reorder
 *   how the rest of the line displays, so a name could make a board or a certificate read differently
 *   from what is stored ("Trojan Source").
 */
const NAME_FORBIDDEN = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

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

  /** Trimmed text of 1..max characters, without control characters (line breaks and tabs allowed). Returns the cleaned value. */
  text(field: string, value: string | null | undefined, opts: TextOptions): string {
    return this.checkedText(field, value, opts, TEXT_FORBIDDEN, commonMessage('controlCharacters', { field }));
  }

  /**
   * A name or title (people, enterprises, competitions, stages, studios, …): like `text`, and also one
   * line of plainly displayed characters (see NAME_FORBIDDEN). Every name and title input goes through here.
   */
  name(field: string, value: string | null | undefined, opts: TextOptions): string {
    return this.checkedText(field, value, opts, NAME_FORBIDDEN, commonMessage('oneLine', { field }));
  }

  private checkedText(field: string, value: string | null | undefined, opts: TextOptions, forbidden: RegExp, message: string): string {
    if (value == null) {
      if (!opts.optional) this.fail(field, commonMessage('required', { field }));
      return '';
    }
    const v = value.trim();
    const min = opts.min ?? (opts.optional ? 0 : 1);
    if (v.length < min) this.fail(field, min === 1 ? commonMessage('empty', { field }) : commonMessage('tooShort', { field, min }));
    else if (v.length > opts.max) this.fail(field, commonMessage('tooLong', { field, max: opts.max }));
    else if (forbidden.test(v)) this.fail(field, message);
    return v;
  }

  int(field: string, value: number | null | undefined, min: number, max: number): number {
    if (value == null || !Number.isInteger(value) || value < min || value > max) {
      this.fail(field, commonMessage('wholeNumber', { field, min, max }));
    }
    return value ?? 0;
  }

  date(field: string, value: Date | null | undefined, opts: { notAfter?: Date; notBefore?: Date } = {}): Date {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      this.fail(field, commonMessage('notADate', { field }));
      return new Date(NaN);
    }
    if (opts.notAfter && value > opts.notAfter) this.fail(field, commonMessage('inFuture', { field }));
    if (opts.notBefore && value < opts.notBefore) this.fail(field, commonMessage('tooEarly', { field }));
    return value;
  }

  /** A calendar date as YYYY-MM-DD (see DateScalar); `notAfter` is a date in the same form. */
  plainDate(field: string, value: string | null | undefined, opts: { notAfter?: string } = {}): string {
    const date = typeof value === 'string' ? plainDate(value.trim()) : null;
    if (!date) {
      this.fail(field, commonMessage('notAPlainDate', { field }));
      return '';
    }
    if (opts.notAfter && date > opts.notAfter) this.fail(field, commonMessage('inFuture', { field }));
    return date;
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
