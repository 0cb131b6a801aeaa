import { GraphQLScalarType, Kind } from 'graphql';
import { UserErrorCode } from '../common/errors.js';
import { round2 } from '../scoring/decimal.js';
import type { InputCheck } from '../common/validate.js';
import { commonMessage } from '../common/messages.js';
import { m } from './messages.js';

/**
 * Money in yuan as an exact decimal string ("12500.50"): JSON numbers are binary floats and would
 * round, so the scalar takes and gives strings only. The format is checked by services (a userError
 * naming the field), the same way as every other input rule.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount in yuan, as a string: up to 12 digits before the point and 2 after, e.g. "12500.50".',
  serialize(value) {
    if (typeof value === 'string') return value;
    // A number is rounded half up as the decimal it prints as (1.005 → "1.01"; toFixed alone says "1.00").
    if (typeof value === 'number' && Number.isFinite(value)) return round2(value).toFixed(2);
    throw new TypeError('Decimal cannot represent this value');
  },
  parseValue(value) {
    if (typeof value !== 'string') throw new TypeError(commonMessage('decimalNotString'));
    return value.trim();
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError(commonMessage('decimalNotString'));
    return ast.value.trim();
  },
});

export const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;

/** A non-negative amount of at most 12+2 digits; `positive` refuses zero (a funding of 0 yuan is a typo). */
export function checkMoney(check: InputCheck, field: string, value: string | null | undefined, opts: { optional?: boolean; positive?: boolean } = {}): string | null {
  if (value == null || value === '') {
    if (!opts.optional) check.fail(field, commonMessage('required', { field }));
    return null;
  }
  if (!DECIMAL.test(value)) {
    check.fail(field, m('moneyFormat', { field }));
    return null;
  }
  if (opts.positive && !/[1-9]/.test(value)) check.fail(field, m('moneyPositive', { field }), UserErrorCode.INVALID_INPUT);
  return value;
}

/** Start and end (exclusive) of a calendar year in China Standard Time, which has no daylight saving. */
export function cstYear(year: number): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000), end: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000) };
}

export function cstYearOf(date: Date): number {
  return new Date(date.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** The canonical form of a checked amount, as PostgreSQL numeric(14,2) gives it back: "1300000" → "1300000.00", "007.5" → "7.50". */
export function canonicalMoney(value: string): string {
  const [whole, frac = ''] = value.split('.');
  return `${BigInt(whole!)}.${frac.padEnd(2, '0')}`;
}
