import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../registry/registry.inputs.js';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { Role } from './role.js';
import { User } from './user.entity.js';

@InputType()
export class LoginInput {
  @Field() email!: string;
  @Field() password!: string;
}

@ObjectType()
export class LoginPayload extends Payload {
  @Field(() => String, { nullable: true, description: 'Bearer token (JWT, 12 hours): renew it with renewToken before it expires.' }) token?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the token expires.' }) expiresAt?: Date | null;
  @Field(() => User, { nullable: true }) viewer?: User | null;
}

@ObjectType({ description: 'A renewed login: a new token for the same session, with the same revocation rules.' })
export class RenewTokenPayload extends Payload {
  @Field(() => String, { nullable: true, description: 'A new bearer token (JWT, 12 hours from now). The token it renews keeps working until it expires.' })
  token?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the new token expires: renew before then (e.g. an hour before), or log in again after.' })
  expiresAt?: Date | null;
  @Field(() => User, { nullable: true, description: 'The logged-in user as they are now (current roles).' })
  viewer?: User | null;
}

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword!: string;
  @Field() newPassword!: string;
}

@ObjectType()
export class ChangePasswordPayload extends Payload {
  @Field(() => String, { nullable: true, description: 'A new token: tokens issued before the change stop working.' })
  token?: string | null;
  @Field(() => User, { nullable: true }) viewer?: User | null;
}

@InputType()
export class CreateUserInput {
  @Field() email!: string;
  @Field() displayName!: string;
  @Field({ description: `At least 8 characters.` }) password!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => ID, { nullable: true, description: 'The registry worker this user is (judges, reviewers).' })
  workerId?: string | null;
}

@ObjectType()
export class UserPayload extends Payload {
  @Field(() => User, { nullable: true }) user?: User | null;
}

@ObjectType()
export class ClearLoginLockoutPayload extends Payload {
  @Field(() => User, { nullable: true }) user?: User | null;
  @Field(() => Int, { nullable: true, description: 'Failed attempts forgotten (from every address, in the last 15 minutes and before).' })
  clearedFailures?: number | null;
}

@InputType()
export class UpdateUserRolesInput {
  @Field(() => ID) userId!: string;
  @Field(() => [Role]) roles!: Role[];
}

@InputType()
export class UserIdInput {
  @Field(() => ID) userId!: string;
}

@InputType()
export class LinkUserToWorkerInput {
  @Field(() => ID) userId!: string;
  @Field(() => ID, { nullable: true, description: 'null unlinks.' }) workerId?: string | null;
}

@InputType()
export class UserFilter {
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => Boolean, { nullable: true }) disabled?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the email or display name.' }) search?: string | null;
}

export enum UserOrderField {
  DISPLAY_NAME = 'displayName',
  EMAIL = 'email',
  CREATED_AT = 'createdAt',
}
registerEnumType(UserOrderField, {
  name: 'UserOrderField',
  description: 'What to order users by.',
  valuesConfig: {
    DISPLAY_NAME: { description: 'By display name in pinyin order (李 before 张), Chinese before Latin letters.' },
    EMAIL: { description: 'By email address (stored lower-case).' },
    CREATED_AT: { description: 'By when the account was created.' },
  },
});

@InputType({ description: 'How to order users: a field and a direction.' })
export class UserOrder {
  @Field(() => UserOrderField, { description: 'What to order by.' }) field!: UserOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (the default) or descending.' }) direction!: SortDirection;
}

export const UserConnection = Connection(User, 'User');
export type UserConnection = InstanceType<typeof UserConnection>;
