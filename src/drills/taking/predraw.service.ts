import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import type { Viewer } from '../../context.js';
import { hasAnyRole } from '../../auth/auth-checker.js';
import { Role } from '../../auth/role.js';
import { DrillStatus } from '../enums.js';
import { Drill } from '../setup/drill.entity.js';
import { drawAttempt, questionPool } from './attempt.service.js';
import { m } from './messages.js';

/** Flushed per this many papers: a city's drill draws thousands, and one flush of all would hold them all twice. */
const FLUSH_EVERY = 500;

/**
 * drawDrillPapers: the drill's organizer (or an ADMIN) draws, before the window opens, the first paper of
 * every worker holding a live pass and no attempt yet, so the opening burst of startAttempt only hands
 * papers out. Only before the window: no taker can be starting meanwhile. Passes issued later still get
 * their paper drawn at start.
 */
export async function drawDrillPapers(em: EntityManager, viewer: Viewer, drillId: string): Promise<number> {
  return em.transactional(async (tx) => {
    const drill = await tx.findOne(Drill, { id: drillId });
    if (!drill) throw notFound('Drill', ['input', 'drillId']);
    if (!hasAnyRole(viewer.roles, [Role.ADMIN]) && drill.organizer.id !== viewer.id) throw forbidden(m('notDrillOrganizer'));
    if (drill.status !== DrillStatus.PUBLISHED) throw domainError(UserErrorCode.INVALID_STATE, m('drillNotPublished'), ['input', 'drillId']);
    if (Date.now() >= drill.opensAt.getTime()) throw domainError(UserErrorCode.INVALID_STATE, m('predrawTooLate'), ['input', 'drillId']);
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`drill_predraw:${drill.id}`]);
    const rows = await tx.execute<{ worker_id: string }[]>(
      `select distinct p."worker_id" from "drill_pass" p
       where p."drill_id" = ? and p."revoked_at" is null
         and not exists (select 1 from "drill_attempt" a where a."drill_id" = p."drill_id" and a."worker_id" = p."worker_id")`,
      [drill.id],
    );
    if (!rows.length) return 0;
    const pool = await questionPool(tx, drill);
    for (let i = 0; i < rows.length; i++) {
      await drawAttempt(tx, drill, rows[i]!.worker_id, 1, pool);
      if ((i + 1) % FLUSH_EVERY === 0) {
        await tx.flush();
        tx.clear();
      }
    }
    await tx.flush();
    return rows.length;
  });
}
