import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, UserErrorCode } from '../../common/errors.js';
import { InputCheck } from '../../common/validate.js';
import type { Logger } from '../../logger.js';
import { AttemptStatus, DrillStatus } from '../enums.js';
import type { Drill } from '../setup/drill.entity.js';
import type { DrillTaker, DrillTokenService } from './drill-token.js';
import { beginEntry } from './entry-throttle.js';
import { m } from './messages.js';
import { DrillPass } from './pass.entity.js';
import { passCodeHash } from './pass-code.js';

/** A drill token outlives the window by this much, so an AFTER_WINDOW taker can still read their result. */
export const TOKEN_AFTER_CLOSE_MS = 7 * 24 * 3600 * 1000;

export interface Entered {
  token: string;
  expiresAt: Date;
  deviceId: string;
  drill: Drill;
}

/**
 * enterDrill: a pass and the worker's employee number for a drill token. A wrong pass, a revoked one,
 * one of another drill and a wrong employee number are one refusal (INVALID_CREDENTIALS), so a guess
 * learns nothing; each failure is counted (entry-throttle.ts) and logged. Entering while an attempt
 * is under way makes this device its active one: the other device's next save is refused.
 */
export async function enterDrill(
  em: EntityManager, tokens: DrillTokenService, log: Logger,
  input: { drillId: string; pass: string; employeeNumber: string; deviceId?: string | null }, address: string | undefined,
): Promise<Entered> {
  const check = new InputCheck();
  const deviceId = input.deviceId != null ? check.text('deviceId', input.deviceId, { max: 100 }) : randomUUID();
  check.throwIfAny();
  const attempt = await beginEntry(em, input.drillId, address);
  const refuse = (why: string) => {
    log.warn({ drillId: input.drillId, address, why }, 'drill entry refused');
    return domainError(UserErrorCode.INVALID_CREDENTIALS, m('wrongPass'), ['input', 'pass']);
  };
  const checked = await (async () => {
    const pass = input.pass.length <= 40 ? await em.findOne(DrillPass, { codeHash: passCodeHash(input.pass) }, { populate: ['worker', 'drill'] }) : null;
    if (!pass || pass.drill.id !== input.drillId) throw refuse('pass');
    if (pass.revokedAt) throw refuse('revoked');
    if (pass.worker.getEntity().employeeNumber !== input.employeeNumber.normalize('NFKC').trim()) throw refuse('employeeNumber');
    const drill = pass.drill.getEntity();
    // A pass is useless once the window closed (or the drill was withdrawn): the same answer as a wrong one would hide nothing.
    if (drill.status !== DrillStatus.PUBLISHED) throw domainError(UserErrorCode.INVALID_STATE, m('drillNotPublished'), ['input', 'drillId']);
    if (drill.closesAt.getTime() <= Date.now()) throw domainError(UserErrorCode.INVALID_STATE, m('drillClosed'), ['input', 'drillId']);
    return { pass, drill };
  })().catch(async (err: unknown) => {
    await attempt.failed();
    throw err;
  });
  await attempt.succeeded();
  return admit(em, tokens, checked.pass, checked.drill, deviceId);
}

/**
 * enterDrillAsWorker: a user linked to a worker (User.worker) enters with their login instead of the code,
 * through the worker's live pass, so the enterprise's issuing still decides who takes the drill.
 */
export async function enterDrillAsWorker(em: EntityManager, tokens: DrillTokenService, workerId: string | null, drillId: string, deviceIdRaw: string | null | undefined): Promise<Entered> {
  const check = new InputCheck();
  const deviceId = deviceIdRaw != null ? check.text('deviceId', deviceIdRaw, { max: 100 }) : randomUUID();
  check.throwIfAny();
  if (!workerId) throw domainError(UserErrorCode.NOT_ELIGIBLE, m('notAWorker'));
  const pass = await em.findOne(DrillPass, { drill: drillId, worker: workerId, revokedAt: null }, { populate: ['drill'] });
  if (!pass) throw domainError(UserErrorCode.NOT_ELIGIBLE, m('noPass'), ['input', 'drillId']);
  const drill = pass.drill.getEntity();
  if (drill.status !== DrillStatus.PUBLISHED) throw domainError(UserErrorCode.INVALID_STATE, m('drillNotPublished'), ['input', 'drillId']);
  if (drill.closesAt.getTime() <= Date.now()) throw domainError(UserErrorCode.INVALID_STATE, m('drillClosed'), ['input', 'drillId']);
  return admit(em, tokens, pass, drill, deviceId);
}

async function admit(em: EntityManager, tokens: DrillTokenService, pass: DrillPass, drill: Drill, deviceId: string): Promise<Entered> {
  const taker: DrillTaker = { workerId: pass.worker.id, drillId: drill.id, passId: pass.id, deviceId };
  await em.transactional(async (tx) => {
    await tx.nativeUpdate(DrillPass, { id: pass.id }, { lastUsedAt: new Date() });
    // The takeover: one statement, whichever attempt is under way.
    await tx.execute(
      `update "drill_attempt" set "active_device" = ?, "version" = "version" + 1 where "drill_id" = ? and "worker_id" = ? and "status" = ?`,
      [deviceId, drill.id, pass.worker.id, AttemptStatus.IN_PROGRESS],
    );
  });
  const expiresAt = new Date(drill.closesAt.getTime() + TOKEN_AFTER_CLOSE_MS);
  return { token: await tokens.issue(taker, expiresAt), expiresAt, deviceId, drill };
}
