import { GraphQLScalarType, Kind } from 'graphql';
import { commonMessage } from './messages.js';

/**
 * A calendar date without time of day or time zone ("2015-03-01"), as a spreadsheet or a certificate
 * holds it. As Decimal does, the scalar takes any string and services check the format, so one bad
 * value is a userError naming its field (or its import row) instead of refusing the whole request.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time of day or time zone: YYYY-MM-DD (ISO 8601), e.g. "2015-03-01". A value in another format is a userError naming the field.',
  serialize(value) {
    if (typeof value === 'string' && plainDate(value)) return value;
    throw new TypeError('Date cannot represent this value');
  },
  parseValue(value) {
    if (typeof value !== 'string') throw new TypeError(commonMessage('dateNotString'));
    return value.trim();
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError(commonMessage('dateNotString'));
    return ast.value.trim();
  },
});

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The text when it is a real calendar date as YYYY-MM-DD (so not 2015-02-30), else null. */
export function plainDate(text: string): string | null {
  const m = PLAIN_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? text : null;
}

/** The instant todayInChina next changes: the coming midnight in China (16:00 UTC). */
export function nextDayInChina(now = new Date()): Date {
  const day = 86_400_000;
  const offset = 8 * 3_600_000;
  return new Date(Math.floor((now.getTime() + offset) / day) * day + day - offset);
}

/** Today's date in China (UTC+8, no daylight saving), where the programme runs, as YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
