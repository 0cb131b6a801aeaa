import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
  type GraphQLField, type GraphQLInputType,
} from 'graphql';
import { toGlobalId } from '../../src/common/relay';
import { typeOfIdField } from './inputs';

/*
 * Hostile values for any argument, from the schema: empty, huge, unicode and control-character strings;
 * negative, huge and over-precise numbers; IDs of the right type, of another type, of rows that do not
 * exist, and malformed ones.
 */

const CONTROL = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 20 });
const strings = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }), // any code point, lone surrogates included
  CONTROL,
  fc.constant('x'.repeat(20_000)),
  fc.constant('王'.repeat(5_000)),
  fc.constant("'; drop table worker; --"),
  fc.constant('<script>alert(1)</script>'),
  fc.constant('\u0000'),
);
const ints = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 2_147_483_647, -2_147_483_648), fc.integer({ min: -5, max: 200 }));
const floats = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0.01, 0.005, 12.3456789, 1e15, -1e15, 100.01, 99.999),
  fc.integer({ min: -10, max: 200 }),
);
const decimals = fc.constantFrom('1.00', '0', '-5', '0.001', '1e10', 'abc', '', '99999999999999999999.99', ' 3.5 ', '12.345');
const plainDates = fc.constantFrom('2015-03-01', '2026-02-30', '2015-03-01T00:00:00Z', '1899-12-31', '', 'yesterday', '3000-01-01');
const dates = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30T00:00:00Z', 'yesterday', '', '0000-00-00T00:00:00Z'),
);

export interface IdPool {
  /** Real global IDs by Node type. */
  byType: Record<string, string[]>;
}

function ids(field: string, pool: IdPool): fc.Arbitrary<string> {
  const type = typeOfIdField(field);
  const right = pool.byType[type] ?? [];
  const others = Object.entries(pool.byType).filter(([t]) => t !== type).flatMap(([, v]) => v);
  return fc.oneof(
    ...(right.length ? [fc.constantFrom(...right)] : []),
    ...(others.length ? [fc.constantFrom(...others)] : []),
    fc.constant(null).map(() => toGlobalId(type, randomUUID())), // a deleted or never-existing row
    fc.constantFrom(toGlobalId(type, 'not-a-uuid'), toGlobalId(type, ''), '', '!!!', 'Q29tcGV0aXRpb24', 'x'.repeat(300), randomUUID()),
    fc.string({ maxLength: 30 }),
  );
}

export function arbitraryFor(type: GraphQLInputType, field: string, pool: IdPool, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType, field, pool, depth);
  const nullable = (a: fc.Arbitrary<unknown>) => fc.option(a, { freq: 8, nil: null });
  if (isListType(type)) return nullable(fc.array(arbitraryFor(type.ofType, field, pool, depth + 1), { maxLength: depth > 1 ? 1 : 4 }));
  if (isEnumType(type)) return nullable(fc.constantFrom(...type.getValues().map((v) => v.value as string)));
  if (isInputObjectType(type)) {
    const parts: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const [name, f] of Object.entries(type.getFields())) {
      parts[name] = arbitraryFor(f.type, name, pool, depth + 1);
      if (isNonNullType(f.type)) required.push(name);
    }
    return fc.record(parts, { requiredKeys: required });
  }
  if (isScalarType(type)) {
    // Mostly plausible values so calls get past the first check and reach deeper rules; some hostile.
    const plausible = PLAUSIBLE[type.name]?.(field);
    const hostile = hostileFor(type.name, field, pool);
    return plausible ? fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 1, arbitrary: hostile }) : hostile;
  }
  throw new Error(`Unexpected input type for ${field}`);
}

const PLAUSIBLE: Record<string, (field: string) => fc.Arbitrary<unknown> | undefined> = {
  String: (f) => (/email/i.test(f) ? fc.constantFrom('judge@example.cn', 'a@b.cn') : fc.constantFrom('焊接', '王晓明', 'x', '测试 description')),
  Int: (f) => (/year/i.test(f) ? fc.integer({ min: 2020, max: 2030 }) : fc.integer({ min: 0, max: 100 })),
  Float: () => fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  DateTimeISO: () => fc.constantFrom('2026-05-01T00:00:00.000Z', '2026-12-31T16:00:00.000Z'),
  Decimal: () => fc.constantFrom('100.00', '0.10', '25000'),
  Date: () => fc.constantFrom('2015-03-01', '2020-12-31'),
};

function hostileFor(name: string, field: string, pool: IdPool): fc.Arbitrary<unknown> {
  switch (name) {
      case 'ID': return ids(field, pool);
      case 'String': return strings;
      case 'Int': return ints;
      case 'Float': return floats;
      case 'Boolean': return fc.boolean();
      case 'DateTimeISO': return dates;
      case 'Decimal': return decimals;
      case 'Date': return plainDates;
      default: throw new Error(`No arbitrary for scalar ${name}: add one to test/authz/arbitraries.ts`);
  }
}

/** Variables for a field's arguments. */
export function argumentsArbitrary(field: GraphQLField<unknown, unknown>, pool: IdPool): fc.Arbitrary<Record<string, unknown>> {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of field.args) parts[arg.name] = arbitraryFor(arg.type, arg.name, pool);
  return fc.record(parts);
}
