import { defineMessages } from '../common/i18n.js';

/**
 * Messages of src/auth. The refusals (why a token does not serve) are also WebSocket close reasons,
 * which hold at most 123 bytes of UTF-8: test/auth/refusal-messages.unit.test.ts checks both languages fit.
 */
export const m = defineMessages('auth', {
  passwordTooShort: { zh: '{{field}} 至少 {{min}} 个字符', en: '{{field}} must be at least {{min}} characters' },
  passwordTooLong: { zh: '{{field}} 最多 {{max}} 个字符', en: '{{field}} must be at most {{max}} characters' },
  needsRole: { zh: '用户至少要有一个角色', en: 'A user needs at least one role' },
  wrongCredentials: { zh: '邮箱或密码不正确', en: 'Email or password is incorrect' },
  badEmail: { zh: '邮箱地址格式不正确', en: 'The email is not a valid address' },
  emailTaken: { zh: '已有用户使用此邮箱', en: 'A user with this email exists' },
  cannotDisableSelf: { zh: '不能停用自己的账号', en: 'You cannot disable yourself' },
  samePassword: { zh: '新密码不能与当前密码相同', en: 'newPassword must differ from the current password' },
  wrongCurrentPassword: { zh: '当前密码不正确', en: 'Current password is incorrect' },
  lastAdmin: { zh: '这是最后一个启用的管理员账号', en: 'This is the last active admin' },
  tooManyLogins: {
    zh: '此账号从您的地址登录失败次数过多，请 15 分钟后再试，或请管理员解除锁定',
    en: 'Too many failed attempts for this account from your address; try again in 15 minutes or ask an administrator to clear the lockout',
  },
  // Why a bearer token does not serve (AuthRefusal): GraphQL errors and WebSocket close reasons.
  TOKEN_INVALID: { zh: '登录凭证无效，请重新登录', en: 'Your login token is not valid: log in again' },
  TOKEN_EXPIRED: { zh: '登录已过期，请重新登录', en: 'Your session has expired: log in again' },
  TOKEN_REVOKED: { zh: '登录已失效（密码已修改或账号已重新启用），请重新登录', en: 'Your session was revoked (password changed or account re-enabled): log in again' },
  USER_DISABLED: { zh: '账号已停用，请联系管理员', en: 'Your account has been disabled: ask an administrator' },
  SESSION_TOO_LONG: {
    zh: '本次登录已超过 {{hours}} 小时，不能再续期，请重新登录',
    en: 'This login is more than {{hours}} hours old and cannot be renewed: log in again',
  },
  ROLES_CHANGED: { zh: '您的角色已变更，请重新连接', en: 'Your roles changed: reconnect' },
  noLongerServed: { zh: '此连接已不能再为您服务，请重新登录', en: 'You may no longer be served on this connection' },
});
