import { LoginAttempt } from './login-attempt.entity.js';
import { User } from './user.entity.js';
import { AuthResolver } from './auth.resolver.js';
import { registerNodeType } from '../common/node.resolver.js';
import { Role } from './role.js';

// A user is visible through node(id:) to admins and to themselves, as through `users` and `viewer`.
registerNodeType('User', async (ctx, ids) => {
  const v = ctx.viewer;
  if (!v) return new Map();
  const visible = v.roles.includes(Role.ADMIN) ? ids : ids.filter((id) => id === v.id);
  const rows = visible.length ? await ctx.em.find(User, { id: { $in: visible } }) : [];
  return new Map(rows.map((u) => [u.id, u]));
});

export const authEntities = [User, LoginAttempt];
export const authResolvers = [AuthResolver] as const;
