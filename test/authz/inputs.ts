import { randomUUID } from 'node:crypto';
import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { toGlobalId } from '../../src/common/relay';
import { creditCode } from '../helpers/registry';

/*
 * Builds arguments for any mutation or query straight from the schema, so the authorization matrix
 * and the fuzz tests cover every operation, including ones added after they were written.
 */

/** Which Node type an ID argument names, from its name (competitionId → Competition). */
export function typeOfIdField(name: string): string {
  const base = name.replace(/Ids?$/, '');
  if (!base || base === 'id' || base === 'item') return 'Node';
  const special: Record<string, string> = { user: 'User', leadWorker: 'Worker', leaderWorker: 'Worker', mentorWorker: 'Worker', inventorWorker: 'Worker', reviewerUser: 'User', method: 'OperatingMethod', project: 'IncubationProject' };
  return special[base] ?? base[0]!.toUpperCase() + base.slice(1);
}

export interface Fill {
  /** Global IDs to use for ID fields of this name (e.g. competitionId → a real competition). */
  ids?: Record<string, string>;
  /** A global ID per Node type (as typeOfIdField names it), for ID fields not in `ids`. */
  byType?: Record<string, string>;
}

const SCALAR_SAMPLES: Record<string, (field: string) => unknown> = {
  String: (f) => (/email/i.test(f) ? `x${Date.now() % 1e6}@example.cn` : /password/i.test(f) ? 'password-123456' : /creditCode/.test(f) ? creditCode(Date.now() % 1e9) : '样例'),
  Int: (f) => (/birthYear/.test(f) ? 1990 : /year/i.test(f) ? 2026 : 1),
  Float: () => 1,
  Boolean: () => false,
  ID: () => toGlobalId('Node', randomUUID()),
  DateTimeISO: (f) => (/^ends/.test(f) ? '2026-06-03T00:00:00.000Z' : '2026-06-01T00:00:00.000Z'),
  Decimal: () => '1.00',
  Date: () => '2015-03-01',
};

/** A well-formed value for a type: required fields only, one item per list. */
export function sample(type: GraphQLInputType, field: string, fill: Fill = {}): unknown {
  if (isNonNullType(type)) return sample(type.ofType, field, fill);
  if (isListType(type)) return [sample(type.ofType, field, fill)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(type.getFields())) {
      // Required fields, and a reason where the service asks for one though the schema cannot.
      if ((isNonNullType(f.type) && f.defaultValue === undefined) || name === 'reason') out[name] = sample(f.type, name, fill);
    }
    return out;
  }
  if (isScalarType(type)) {
    if (type.name === 'ID') {
      return fill.ids?.[field] ?? fill.ids?.[field.replace(/s$/, '')] ?? fill.byType?.[typeOfIdField(field)] ?? toGlobalId(typeOfIdField(field), randomUUID());
    }
    const make = SCALAR_SAMPLES[type.name];
    if (!make) throw new Error(`No sample for scalar ${type.name}: add one to test/authz/inputs.ts`);
    return make(field);
  }
  throw new Error(`Unexpected input type for ${field}`);
}

/** Variables for every required argument of a field. */
export function argsFor(field: GraphQLField<unknown, unknown>, fill: Fill = {}): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const arg of field.args) if (isNonNullType(arg.type) || arg.name === 'input') vars[arg.name] = sample(arg.type, arg.name, fill);
  return vars;
}

/** `mutation($input: XInput!) { x(input: $input) { __typename } }` for any field. */
export function documentFor(kind: 'mutation' | 'query', field: GraphQLField<unknown, unknown>, withUserErrors = false): string {
  const decl = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type) as { getFields?: () => Record<string, unknown> };
  const fields = named.getFields?.();
  const selection = fields ? (withUserErrors && 'userErrors' in fields ? '{ __typename userErrors { code field message } }' : '{ __typename }') : '';
  return `${kind}${decl ? `(${decl})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection} }`;
}

export function operations(schema: GraphQLSchema, kind: 'mutation' | 'query'): GraphQLField<unknown, unknown>[] {
  const root = kind === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return Object.values(root?.getFields() ?? {});
}
