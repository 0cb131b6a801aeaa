import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../context.js';
import { Role } from '../auth/role.js';
import { enterpriseScopeOf } from '../auth/scope.js';
import { forbidden } from '../common/errors.js';
import { Worker } from '../registry/worker.entity.js';
import type { AppraisalBody } from './appraisal-body.entity.js';
import { m } from './messages.js';

/** Who acts: the request's viewer (read fresh per request, so a changed scope or role counts at once). */
export type Actor = Pick<Viewer, 'id' | 'roles' | 'workerId' | 'enterpriseId'>;

/** Who reads sessions, candidates and results: workers' results are personal data. */
export const APPRAISAL_READERS = [Role.ADMIN, Role.ORGANIZER, Role.APPRAISER, Role.INSPECTOR];

/** The enterprises a user acts for or works at: their scope, and the enterprise of the worker they are linked to. */
export async function enterprisesOf(em: EntityManager, actor: Actor): Promise<string[]> {
  const worker = actor.workerId ? await em.findOne(Worker, { id: actor.workerId }, { fields: ['enterprise'] }) : null;
  return [enterpriseScopeOf(actor), worker?.enterprise.id].filter((x): x is string => !!x);
}

/**
 * A session is run by an ADMIN, or an APPRAISER whose enterprise scope is the body's enterprise;
 * anyone else gets FORBIDDEN (a GraphQL error, as a missing role would).
 */
export function assertRuns(actor: Actor, body: AppraisalBody): void {
  if (actor.roles.includes(Role.ADMIN)) return;
  if (actor.roles.includes(Role.APPRAISER) && enterpriseScopeOf(actor) === body.enterprise.id) return;
  throw forbidden(m('notRunner'));
}
