import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { InputCheck, isEmail } from '../common/validate.js';
import type { Viewer } from '../context.js';
import type { Logger } from '../logger.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { authenticate } from './authenticate.js';
import { LoginThrottle } from './login-throttle.js';
import { emitUserChanged } from './user-state.js';
import { burnPasswordCheck, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { Role } from './role.js';
import type { TokenService } from './tokens.js';
import { User } from './user.entity.js';
import { m } from './messages.js';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The viewer behind a bearer token, or null (no token, bad token, disabled user, revoked token). */
export async function resolveViewer(em: EntityManager, tokens: TokenService, authorization: unknown): Promise<Viewer | null> {
  return (await authenticate(em, tokens, authorization)).viewer;
}

function checkPassword(check: InputCheck, field: string, password: string | null | undefined): void {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    check.fail(field, m('passwordTooShort', { field, min: MIN_PASSWORD_LENGTH }));
  } else if (password.length > 200) check.fail(field, m('passwordTooLong', { field, max: 200 }));
}

function checkRoles(check: InputCheck, roles: Role[]): Role[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) check.fail('roles', m('needsRole'));
  return unique;
}

export interface CreateUserData {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  workerId?: string | null;
  enterpriseId?: string | null;
}

export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
    private readonly log?: Logger,
  ) {}

  async login(emailRaw: string, password: string, address?: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    const email = normalizeEmail(emailRaw ?? '');
    // No account has such an email or password: refuse before the database (and the hash) see them.
    if (email.length > 254 || (password ?? '').length > 1024) throw domainError(UserErrorCode.INVALID_CREDENTIALS, m('wrongCredentials'));
    const attempt = await new LoginThrottle(this.em).begin(email, address);
    const user = await this.em.findOne(User, { email }, { populate: ['passwordHash'] });
    const ok = user && !user.disabled ? await verifyPassword(password ?? '', user.passwordHash) : (await burnPasswordCheck(password ?? ''), false);
    if (!ok || !user) {
      this.log?.info({ event: 'login_failed' }, 'login failed');
      throw domainError(UserErrorCode.INVALID_CREDENTIALS, m('wrongCredentials'));
    }
    await attempt.succeeded();
    return { ...(await this.tokens.issueWithExpiry({ userId: user.id, tokenVersion: user.tokenVersion })), user };
  }

  async createUser(data: CreateUserData): Promise<User> {
    const check = new InputCheck();
    const email = normalizeEmail(data.email ?? '');
    if (!isEmail(email)) check.fail('email', m('badEmail'));
    const displayName = check.name('displayName', data.displayName, { max: 200 });
    checkPassword(check, 'password', data.password);
    const roles = checkRoles(check, data.roles ?? []);
    check.throwIfAny();
    if (await this.em.count(User, { email })) {
      throw domainError(UserErrorCode.ALREADY_EXISTS, m('emailTaken'), ['input', 'email']);
    }
    const user = this.em.create(User, { email, displayName, roles, passwordHash: await hashPassword(data.password) } as never);
    if (data.workerId) user.worker = await this.workerRef(data.workerId);
    if (data.enterpriseId) user.enterprise = await this.enterpriseRef(data.enterpriseId);
    await this.em.flush();
    return user;
  }

  private async enterpriseRef(enterpriseId: string) {
    const enterprise = await this.em.findOne(Enterprise, { id: enterpriseId });
    if (!enterprise) throw notFound('Enterprise', ['input', 'enterpriseId']);
    return this.em.getReference(Enterprise, enterprise.id, { wrapped: true });
  }

  /** ADMIN: the enterprise a user acts for (scope), or none (null: city-wide). */
  async setEnterprise(userId: string | null, enterpriseId: string | null): Promise<User> {
    const user = await this.findUser(userId);
    user.enterprise = enterpriseId ? await this.enterpriseRef(enterpriseId) : null;
    await this.flushAndNotify(user);
    return user;
  }

  private async workerRef(workerId: string) {
    const worker = await this.em.findOne(Worker, { id: workerId });
    if (!worker) throw notFound('Worker', ['input', 'workerId']);
    return this.em.getReference(Worker, worker.id, { wrapped: true });
  }

  async updateUser(userId: string, data: { roles?: Role[] | null; workerId?: string | null; displayName?: string | null; unlinkWorker?: boolean }): Promise<User> {
    const user = await this.findUser(userId);
    const check = new InputCheck();
    const roles = data.roles != null ? checkRoles(check, data.roles) : undefined;
    const displayName = data.displayName != null ? check.name('displayName', data.displayName, { max: 200 }) : undefined;
    check.throwIfAny();
    if (roles) {
      // An admin removing ADMIN from the last active admin would lock everyone out.
      if (user.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN)) await this.assertAnotherAdmin(user.id);
      user.roles = roles; // read per request, so the change applies to existing tokens at once
    }
    if (displayName) user.displayName = displayName;
    if (data.workerId) user.worker = await this.workerRef(data.workerId);
    else if (data.unlinkWorker) user.worker = null;
    await this.flushAndNotify(user);
    return user;
  }

  async setDisabled(userId: string, disabled: boolean, actor: Viewer): Promise<User> {
    const user = await this.findUser(userId);
    if (disabled && user.id === actor.id) {
      throw domainError(UserErrorCode.INVALID_STATE, m('cannotDisableSelf'), ['input', 'userId']);
    }
    if (disabled && user.roles.includes(Role.ADMIN)) await this.assertAnotherAdmin(user.id);
    if (user.disabled !== disabled) {
      user.disabled = disabled;
      user.tokenVersion += 1; // a disabled user's tokens stop working, and stay dead after re-enabling
    }
    await this.flushAndNotify(user);
    return user;
  }

  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, address?: string): Promise<{ token: string; user: User }> {
    const check = new InputCheck();
    checkPassword(check, 'newPassword', newPassword);
    if (newPassword === currentPassword) check.fail('newPassword', m('samePassword'));
    check.throwIfAny();
    const user = await this.em.findOneOrFail(User, { id: viewer.id }, { populate: ['passwordHash'] });
    // The login counter: a token holder (a tablet left behind) must not guess the password without limit.
    const attempt = await new LoginThrottle(this.em).begin(user.email, address, ['input', 'currentPassword']);
    if (!(await verifyPassword(currentPassword ?? '', user.passwordHash))) {
      this.log?.info({ event: 'password_check_failed' }, 'changePassword: current password wrong');
      throw domainError(UserErrorCode.INVALID_CREDENTIALS, m('wrongCurrentPassword'), ['input', 'currentPassword']);
    }
    await attempt.succeeded();
    user.passwordHash = await hashPassword(newPassword);
    user.tokenVersion += 1; // other sessions (a lost tablet) are logged out
    await this.flushAndNotify(user);
    return { token: await this.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion }), user };
  }

  /** ADMIN: forgets the account's failed logins from every address, ending a lockout. */
  async clearLoginLockout(userId: string | null): Promise<{ user: User; cleared: number }> {
    const user = await this.findUser(userId);
    return { user, cleared: await new LoginThrottle(this.em).clear(user.email) };
  }

  /**
   * Writes a change to who the user is and what their tokens may do, and tells every instance in the
   * same transaction, so that their sockets are re-checked (and closed) at once when it commits.
   */
  private async flushAndNotify(user: User): Promise<void> {
    await this.em.transactional(async (tx) => {
      await tx.flush();
      await emitUserChanged(tx, user.id);
    });
  }

  private async findUser(userId: string | null): Promise<User> {
    const user = userId ? await this.em.findOne(User, { id: userId }) : null;
    if (!user) throw notFound('User', ['input', 'userId']);
    return user;
  }

  private async assertAnotherAdmin(exceptId: string): Promise<void> {
    const others = await this.em.count(User, { id: { $ne: exceptId }, disabled: false, roles: { $contains: [Role.ADMIN] } });
    if (others === 0) throw domainError(UserErrorCode.INVALID_STATE, m('lastAdmin'), ['input', 'userId']);
  }

  /** BOOTSTRAP_ADMIN_*: the first admin of an empty system. */
  async bootstrapAdmin(email: string, password: string): Promise<boolean> {
    if ((await this.em.count(User, {})) > 0) return false;
    await this.createUser({ email, password, displayName: 'Administrator', roles: [Role.ADMIN] });
    return true;
  }
}
