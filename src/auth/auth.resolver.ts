import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId } from '../common/relay.js';
import { containsPattern, orderOf, paginate } from '../common/pagination.js';
import { enterpriseById, workerById } from '../registry/registry.loaders.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { AuthService } from './auth.service.js';
import {
  ChangePasswordInput, ChangePasswordPayload, ClearLoginLockoutPayload, CreateUserInput, LinkUserToWorkerInput, LoginInput, LoginPayload,
  RenewTokenPayload, SetUserEnterpriseInput, UpdateUserRolesInput, UserConnection, UserFilter, UserIdInput, UserOrder, UserOrderField, UserPayload,
} from './auth.inputs.js';
import { renewToken } from './renewal.js';
import { Role } from './role.js';
import { User } from './user.entity.js';

function service(ctx: Context): AuthService {
  return new AuthService(ctx.em, ctx.app.tokens, ctx.log);
}

@Resolver(() => User)
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The logged-in user, or null.' })
  async viewer(@Ctx() ctx: Context): Promise<User | null> {
    return ctx.viewer ? ctx.em.findOne(User, { id: ctx.viewer.id }) : null;
  }

  @Mutation(() => LoginPayload, { description: 'Exchange email and password for a bearer token.' })
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    return withUserErrors(async () => {
      const { token, expiresAt, user } = await service(ctx).login(input.email, input.password, ctx.clientAddress);
      return { token, expiresAt, viewer: user };
    });
  }

  @Authorized()
  @Mutation(() => RenewTokenPayload, {
    description:
      'Any logged-in user: exchange the bearer token this request carries, while it still serves, for a new one of full lifetime ' +
      '(a tablet stays logged in through a long contest day). An expired, revoked (password changed) or disabled user’s token ' +
      'is refused with UNAUTHENTICATED like any other request: log in again. A session is renewed up to SESSION_MAX_HOURS (7 days by default) ' +
      'after its login; the new token expires then at the latest, and renewing later is refused with UNAUTHENTICATED, ' +
      '`extensions.reason` SESSION_TOO_LONG: log in again. Over WebSocket, reconnect with the new token.',
  })
  async renewToken(@Ctx() ctx: Context): Promise<RenewTokenPayload> {
    const { token, expiresAt, user } = await renewToken(ctx.em, ctx.app.tokens, ctx.viewer!, ctx.tokenVersion, ctx.sessionStart);
    return { token, expiresAt, viewer: user, userErrors: [] };
  }

  @Authorized()
  @Mutation(() => ChangePasswordPayload, { description: 'The viewer changes their own password; tokens issued before stop working (other sessions are logged out), the new token in the payload serves.' })
  async changePassword(@Arg('input') input: ChangePasswordInput, @Ctx() ctx: Context): Promise<ChangePasswordPayload> {
    return withUserErrors(async () => {
      const { token, user } = await service(ctx).changePassword(ctx.viewer!, input.currentPassword, input.newPassword, ctx.clientAddress);
      return { token, viewer: user };
    });
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Every account (ADMIN only). Default order: by email, ascending.' })
  async users(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => UserFilter, { nullable: true, description: 'Narrows the list; all conditions given must hold.' }) filter: UserFilter | null,
    @Arg('orderBy', () => UserOrder, { nullable: true, description: 'Default: EMAIL, ASC.' }) orderBy: UserOrder | null,
    @Ctx() ctx: Context,
  ): Promise<UserConnection> {
    const where: FilterQuery<User> = {};
    if (filter?.role) where.roles = { $contains: [filter.role] };
    if (filter?.disabled != null) where.disabled = filter.disabled;
    if (filter?.search) {
      const p = containsPattern(filter.search);
      where.$or = [{ email: { $ilike: p } }, { displayName: { $ilike: p } }];
    }
    return paginate(ctx.em, User, where, page, orderOf(orderBy, { [UserOrderField.EMAIL]: 'asc', id: 'asc' }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'ADMIN: create a user with roles.' })
  async createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return withUserErrors(async () => {
      const workerId = input.workerId ? expectId(input.workerId, 'Worker', ['input', 'workerId']) : null;
      const enterpriseId = input.enterpriseId ? expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']) : null;
      return { user: await service(ctx).createUser({ ...input, workerId, enterpriseId }) };
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'ADMIN: replace a user’s roles (applies to their current tokens at once).' })
  async updateUserRoles(@Arg('input') input: UpdateUserRolesInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return withUserErrors(async () => ({
      user: await service(ctx).updateUser(expectId(input.userId, 'User', ['input', 'userId']), { roles: input.roles }),
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'ADMIN: link a user to their registry worker record, or unlink.' })
  async linkUserToWorker(@Arg('input') input: LinkUserToWorkerInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return withUserErrors(async () => {
      const userId = expectId(input.userId, 'User', ['input', 'userId']);
      const workerId = input.workerId ? expectId(input.workerId, 'Worker', ['input', 'workerId']) : null;
      return { user: await service(ctx).updateUser(userId, { workerId, unlinkWorker: !workerId }) };
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, {
    description: 'ADMIN: set the enterprise a user acts for (scope: a NOMINATOR nominates its workers, an APPRAISER acts for the appraisal body it is); enterpriseId null clears it (city-wide).',
  })
  async setUserEnterprise(@Arg('input') input: SetUserEnterpriseInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return withUserErrors(async () => {
      const userId = expectId(input.userId, 'User', ['input', 'userId']);
      const enterpriseId = input.enterpriseId ? expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']) : null;
      return { user: await service(ctx).setEnterprise(userId, enterpriseId) };
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'ADMIN: disable a user; their tokens stop working at once.' })
  async disableUser(@Arg('input') input: UserIdInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return withUserErrors(async () => ({
      user: await service(ctx).setDisabled(expectId(input.userId, 'User', ['input', 'userId']), true, ctx.viewer!),
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'ADMIN: enable a disabled user (they log in again).' })
  async enableUser(@Arg('input') input: UserIdInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return withUserErrors(async () => ({
      user: await service(ctx).setDisabled(expectId(input.userId, 'User', ['input', 'userId']), false, ctx.viewer!),
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ClearLoginLockoutPayload, {
    description: 'ADMIN: forget a user’s failed logins (and password checks) from every address, so a locked-out address may try again at once.',
  })
  async clearLoginLockout(@Arg('input') input: UserIdInput, @Ctx() ctx: Context): Promise<ClearLoginLockoutPayload> {
    return withUserErrors(async () => {
      const { user, cleared } = await service(ctx).clearLoginLockout(expectId(input.userId, 'User', ['input', 'userId']));
      return { user, clearedFailures: cleared };
    });
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise this user acts for (scope); null = city-wide.' })
  async enterprise(@Root() user: User, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return user.enterprise ? ctx.loaders.get(enterpriseById).load(user.enterprise.id) : null;
  }

  @FieldResolver(() => Worker, { nullable: true, description: 'The registry record of this user, if linked.' })
  async worker(@Root() user: User, @Ctx() ctx: Context): Promise<Worker | null> {
    return user.worker ? ctx.loaders.get(workerById).load(user.worker.id) : null;
  }
}
