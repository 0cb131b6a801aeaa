import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Role } from '../auth/role.js';
import type { Context, Viewer } from '../context.js';
import { MethodStatus } from './enums.js';
import { MethodReviewer } from './method-reviewer.entity.js';
import { OperatingMethod } from './operating-method.entity.js';
import { reviewersByMethod } from './methods.loaders.js';

/**
 * Who reads what, in one place for queries, field resolvers and node(id:):
 * a NAMED method is public; any other one (submitted, under review, rejected) only its submitter,
 * its assigned reviewers and admins. Reviews are for admins and the assigned reviewers only.
 */
export function isAdmin(viewer: Viewer | null): boolean {
  return !!viewer && viewer.roles.includes(Role.ADMIN);
}

export async function isAssignedReviewer(ctx: Context, methodId: string): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  const reviewers = await ctx.loaders.get(reviewersByMethod).load(methodId);
  return reviewers.some((r) => r.reviewer.id === viewer.id);
}

export async function canSeeMethod(ctx: Context, method: OperatingMethod): Promise<boolean> {
  if (method.status === MethodStatus.NAMED || isAdmin(ctx.viewer)) return true;
  if (!ctx.viewer) return false;
  return method.submittedBy.id === ctx.viewer.id || isAssignedReviewer(ctx, method.id);
}

export async function canSeeReviews(ctx: Context, methodId: string): Promise<boolean> {
  return isAdmin(ctx.viewer) || isAssignedReviewer(ctx, methodId);
}

/** The methods among `methods` the viewer may see, in order (batched: one query for all reviewer lists). */
export async function visibleMethods(ctx: Context, methods: OperatingMethod[]): Promise<OperatingMethod[]> {
  const seen = await Promise.all(methods.map((m) => canSeeMethod(ctx, m)));
  return methods.filter((_, i) => seen[i]);
}

/** The same rule as a WHERE clause, for lists paginated in SQL. */
export function visibleWhere(em: EntityManager, viewer: Viewer | null): FilterQuery<OperatingMethod> {
  if (isAdmin(viewer)) return {};
  if (!viewer) return { status: MethodStatus.NAMED };
  const assigned = em.createQueryBuilder(MethodReviewer, 'r').select('r.method_id').where({ reviewer: viewer.id });
  return { $or: [{ status: MethodStatus.NAMED }, { submittedBy: viewer.id }, { id: { $in: assigned.getKnexQuery() as never } }] };
}
