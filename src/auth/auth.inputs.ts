import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { Role } from './role.js';
import { User } from './user.entity.js';
import { orderInput } from '../common/order-input.js';

@InputType({ description: 'Credentials for login.' })
export class LoginInput {
  @Field({ description: 'The account’s email; letter case and surrounding spaces do not matter.' }) email!: string;
  @Field({ description: 'The password. Repeated failures from one address lock the account for that address for 15 minutes (TOO_MANY_ATTEMPTS).' }) password!: string;
}

@ObjectType({ description: 'The outcome of login: a token and the viewer, or userErrors (INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS).' })
export class LoginPayload extends Payload {
  @Field(() => String, { nullable: true, description: 'Bearer token (JWT, 12 hours): renew it with renewToken before it expires.' }) token?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the token expires.' }) expiresAt?: Date | null;
  @Field(() => User, { nullable: true, description: 'The logged-in user; null when refused.' }) viewer?: User | null;
}

@ObjectType({ description: 'A renewed login: a new token for the same session, with the same revocation rules.' })
export class RenewTokenPayload extends Payload {
  @Field(() => String, { nullable: true, description: 'A new bearer token (JWT, 12 hours from now, or at the session’s maximum (SESSION_MAX_HOURS after the login) if that is sooner). The token it renews keeps working until it expires.' })
  token?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the new token expires: renew before then (e.g. an hour before), or log in again after.' })
  expiresAt?: Date | null;
  @Field(() => User, { nullable: true, description: 'The logged-in user as they are now (current roles).' })
  viewer?: User | null;
}

@InputType({ description: 'The viewer’s current password and the new one.' })
export class ChangePasswordInput {
  @Field({ description: 'The password in use now; a wrong one is INVALID_CREDENTIALS and counts as a failed login.' }) currentPassword!: string;
  @Field({ description: 'At least 8 and at most 200 characters, different from the current one.' }) newPassword!: string;
}

@ObjectType({ description: 'The outcome of changePassword: a new token, or userErrors.' })
export class ChangePasswordPayload extends Payload {
  @Field(() => String, { nullable: true, description: 'A new token: tokens issued before the change stop working.' })
  token?: string | null;
  @Field(() => User, { nullable: true, description: 'The user whose password changed; null when refused.' }) viewer?: User | null;
}

@InputType({ description: 'A new account (ADMIN only).' })
export class CreateUserInput {
  @Field({ description: 'Login email, unique (case-insensitive); stored lower-case.' }) email!: string;
  @Field({ description: 'The name other staff see, 1 to 200 characters on one line.' }) displayName!: string;
  @Field({ description: `At least 8 characters.` }) password!: string;
  @Field(() => [Role], { description: 'At least one role; what each may do is in docs/authorization.md.' }) roles!: Role[];
  @Field(() => ID, { nullable: true, description: 'The registry worker this user is (judges, reviewers).' })
  workerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The Enterprise this user acts for (scope: a NOMINATOR’s or APPRAISER’s enterprise); null = city-wide.' })
  enterpriseId?: string | null;
}

@ObjectType({ description: 'The outcome of a change to a user account.' })
export class UserPayload extends Payload {
  @Field(() => User, { nullable: true, description: 'The user as stored now; null when refused.' }) user?: User | null;
}

@ObjectType({ description: 'The outcome of clearLoginLockout.' })
export class ClearLoginLockoutPayload extends Payload {
  @Field(() => User, { nullable: true, description: 'The user whose lockout was cleared; null when refused.' }) user?: User | null;
  @Field(() => Int, { nullable: true, description: 'Failed attempts forgotten (from every address, in the last 15 minutes and before).' })
  clearedFailures?: number | null;
}

@InputType({ description: 'The roles a user has from now on (replacing the old ones); open sessions and sockets see the change at once.' })
export class UpdateUserRolesInput {
  @Field(() => ID, { description: 'The User’s global ID.' }) userId!: string;
  @Field(() => [Role], { description: 'At least one role. The last active ADMIN keeps ADMIN.' }) roles!: Role[];
}

@InputType({ description: 'Names one user account.' })
export class UserIdInput {
  @Field(() => ID, { description: 'The User’s global ID.' }) userId!: string;
}

@InputType({ description: 'Links a user account to the registry worker they are (judges, reviewers: their enterprise decides conflicts of interest), or unlinks it.' })
export class LinkUserToWorkerInput {
  @Field(() => ID, { description: 'The User’s global ID.' }) userId!: string;
  @Field(() => ID, { nullable: true, description: 'null unlinks.' }) workerId?: string | null;
}

@InputType({ description: 'Sets the enterprise a user acts for (scope: a NOMINATOR nominates its workers, an APPRAISER acts for the appraisal body it is), or clears it.' })
export class SetUserEnterpriseInput {
  @Field(() => ID, { description: 'The User’s global ID.' }) userId!: string;
  @Field(() => ID, { nullable: true, description: 'The Enterprise’s global ID; null clears the scope (city-wide).' }) enterpriseId?: string | null;
}

@InputType({ description: 'Narrows the users list; every condition given must hold.' })
export class UserFilter {
  @Field(() => Role, { nullable: true, description: 'Users having this role (among others).' }) role?: Role | null;
  @Field(() => Boolean, { nullable: true, description: 'true: disabled accounts only; false: active ones only.' }) disabled?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the email or display name.' }) search?: string | null;
}

export enum UserOrderField {
  DISPLAY_NAME = 'displayName',
  EMAIL = 'email',
  CREATED_AT = 'createdAt',
}

export const UserOrder = orderInput('User', UserOrderField, {
  fields: 'What to order users by.',
  values: { DISPLAY_NAME: 'By display name in pinyin order (李 before 张), Chinese before Latin letters.', EMAIL: 'By email address (stored lower-case).', CREATED_AT: 'By when the account was created.' },
  input: 'How to order users: a field and a direction.',
});
export type UserOrder = InstanceType<typeof UserOrder>;

export const UserConnection = Connection(User, 'User');
export type UserConnection = InstanceType<typeof UserConnection>;
