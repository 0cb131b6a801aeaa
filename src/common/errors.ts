import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { commonMessage, nameOf, type EntityName } from './messages.js';

/** Every expected failure a client can act on; the exhaustive list of what a UserError may say. */
export enum UserErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  INVALID_STATE = 'INVALID_STATE',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  CONFLICT_OF_INTEREST = 'CONFLICT_OF_INTEREST',
  STALE_VERSION = 'STALE_VERSION',
  FORBIDDEN = 'FORBIDDEN',
  /** The change needs someone else's approval first (a judge's correction after seeing the panel's marks: the chief judge's). */
  APPROVAL_REQUIRED = 'APPROVAL_REQUIRED',
  /** A drill attempt was taken over by another device (entering again with the same pass): this one may no longer answer. */
  DEVICE_REPLACED = 'DEVICE_REPLACED',
}
registerEnumType(UserErrorCode, { name: 'UserErrorCode', description: 'Why a mutation was refused.' });

@ObjectType({ description: 'An expected failure of a mutation: nothing was changed.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "rows", "3", "name"].' })
  field?: string[];

  @Field({ description: 'What went wrong, for people: Chinese by default, English with `Accept-Language: en` (or a socket’s `connectionParams.locale`). Do not match on it: match `code` and `field`.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'Why, as a stable code a client can act on (the contract; messages may change).' })
  code!: UserErrorCode;
}

export interface UserErrorInit {
  code: UserErrorCode;
  message: string;
  field?: string[];
}

/** Thrown by services for expected failures; resolvers turn it into `userErrors` after the transaction rolled back. */
export class DomainError extends Error {
  readonly errors: UserErrorInit[];
  constructor(errors: UserErrorInit | UserErrorInit[]) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((e) => e.message).join('; '));
    this.name = 'DomainError';
    this.errors = list;
  }
}

export function domainError(code: UserErrorCode, message: string, field?: string[]): DomainError {
  return new DomainError({ code, message, field });
}

/** `type` is the GraphQL type name of what was looked for (see ENTITY_NAMES): the message names it in the reader's language. */
export function notFound(type: EntityName, field?: string[]): DomainError {
  return new DomainError({ code: UserErrorCode.NOT_FOUND, message: commonMessage('notFound', { what: nameOf(type) }), field });
}

export function toUserErrors(err: DomainError): UserError[] {
  return err.errors.map((e) => Object.assign(new UserError(), e));
}

/**
 * Runs a mutation body; a DomainError becomes `{ userErrors }`, anything else propagates
 * (auth errors as GraphQL errors, unexpected ones masked by the server).
 */
export async function withUserErrors<T extends object>(
  body: () => Promise<T>,
): Promise<T & { userErrors: UserError[] }> {
  try {
    const result = await body();
    return { ...result, userErrors: [] };
  } catch (err) {
    if (err instanceof DomainError) return { userErrors: toUserErrors(err) } as unknown as T & { userErrors: UserError[] };
    throw err;
  }
}

export function unauthenticated(message = commonMessage('mustLogIn')): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } });
}

export function forbidden(message = commonMessage('notAllowed')): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Base of every mutation payload: the result fields are null when `userErrors` is not empty. */
@ObjectType({ description: 'Base of mutation payloads.' })
export abstract class Payload {
  @Field(() => [UserError], { description: 'Why the mutation was refused; empty on success. A refused mutation changed nothing.' })
  userErrors!: UserError[];
}
