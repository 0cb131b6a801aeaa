import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import { toGlobalId } from '../../common/relay.js';
import type { Viewer } from '../../context.js';
import { hasAnyRole } from '../../auth/auth-checker.js';
import { Role } from '../../auth/role.js';
import { enterpriseScopeOf } from '../../auth/scope.js';
import { User } from '../../auth/user.entity.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { Worker } from '../../registry/worker.entity.js';
import { AttemptStatus, DrillStatus } from '../enums.js';
import { Drill } from '../setup/drill.entity.js';
import { drillEligibilityProblems } from './eligibility.js';
import { m } from './messages.js';
import { DrillPass } from './pass.entity.js';
import { newPassCode, passCodeHash } from './pass-code.js';
import { passesPage } from './pass-page.js';

export interface IssuedPass {
  worker: Worker;
  code: string;
}

export interface IssueOutcome {
  drill: Drill;
  enterpriseName: string;
  passes: IssuedPass[];
  /** Eligible workers who already hold a live pass (reissueDrillPass replaces one). */
  alreadyHeld: number;
  /** Workers of the enterprise the drill's eligibility leaves out. */
  notEligible: number;
}

/** CSV of issued passes (UTF-8 with a BOM, so spreadsheet programs read the Chinese right). */
export function passesCsv(passes: IssuedPass[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = passes.map((p) => [p.code, p.worker.employeeNumber, p.worker.name, p.worker.trade].map(cell).join(','));
  return `\uFEFF${[m('csvHeader'), ...rows].join('\r\n')}\r\n`;
}

/**
 * The address of a drill's taker page under the deployment's PUBLIC_BASE_URL: `<base>/drills/<Drill ID>`,
 * the global ID a client already uses for the drill (docs/drills.md). Null when no base is configured.
 */
export function takerUrlOf(publicBaseUrl: string | undefined, drill: Pick<Drill, 'id'>): string | null {
  return publicBaseUrl ? `${publicBaseUrl}/drills/${encodeURIComponent(toGlobalId('Drill', drill.id))}` : null;
}

/** The passes as printable slips (pass-page.ts), each saying where to go when the deployment has a public address. */
export function passesPrintPage(drill: Drill, enterpriseName: string, passes: IssuedPass[], publicBaseUrl: string | undefined): string {
  return passesPage({
    drill, enterpriseName, takerUrl: takerUrlOf(publicBaseUrl, drill),
    passes: passes.map((p) => ({ workerName: p.worker.name, employeeNumber: p.worker.employeeNumber, code: p.code })),
  });
}

/**
 * Who hands out a drill's passes for an enterprise: an ADMIN; the drill's organizer; the enterprise's
 * contact (a NOMINATOR whose enterprise scope is that enterprise). Anyone else: FORBIDDEN.
 */
export function assertMayIssue(viewer: Viewer, drill: Drill, enterpriseId: string): void {
  if (hasAnyRole(viewer.roles, [Role.ADMIN])) return;
  if (viewer.roles.includes(Role.ORGANIZER) && drill.organizer.id === viewer.id) return;
  if (viewer.roles.includes(Role.NOMINATOR) && enterpriseScopeOf(viewer) === enterpriseId) return;
  throw forbidden(viewer.roles.includes(Role.NOMINATOR) ? m('notYourEnterprise') : m('notYourDrill'));
}

export class DrillPassService {
  constructor(private readonly em: EntityManager, private readonly viewer: Viewer) {}

  private async openDrill(tx: EntityManager, drillId: string): Promise<Drill> {
    const drill = await tx.findOne(Drill, { id: drillId });
    if (!drill) throw notFound('Drill', ['input', 'drillId']);
    return drill;
  }

  private static assertIssuable(drill: Drill): void {
    if (drill.status !== DrillStatus.PUBLISHED) throw domainError(UserErrorCode.INVALID_STATE, m('drillNotPublished'), ['input', 'drillId']);
    if (drill.closesAt.getTime() <= Date.now()) throw domainError(UserErrorCode.INVALID_STATE, m('drillClosed'), ['input', 'drillId']);
  }

  /** One pass per eligible worker of the enterprise who holds none yet; the codes are returned here once. */
  async issue(drillId: string, enterpriseId: string): Promise<IssueOutcome> {
    return this.em.transactional(async (tx) => {
      const drill = await this.openDrill(tx, drillId);
      assertMayIssue(this.viewer, drill, enterpriseId);
      const enterprise = await tx.findOne(Enterprise, { id: enterpriseId });
      if (!enterprise) throw notFound('Enterprise', ['input', 'enterpriseId']);
      DrillPassService.assertIssuable(drill);
      // Two contacts issuing at once would both see "no pass yet": one after the other.
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`drill_pass:${drill.id}:${enterpriseId}`]);
      const workers = await tx.find(Worker, { enterprise: enterpriseId }, { populate: ['enterprise'], orderBy: { employeeNumber: 'asc' } });
      const held = new Set((await tx.find(DrillPass, { drill: drill.id, revokedAt: null, worker: { enterprise: enterpriseId } }, { fields: ['worker'] }))
        .map((p) => p.worker.id));
      const outcome: IssueOutcome = { drill, enterpriseName: enterprise.name, passes: [], alreadyHeld: 0, notEligible: 0 };
      for (const worker of workers) {
        if (drillEligibilityProblems(drill, worker).length) outcome.notEligible += 1;
        else if (held.has(worker.id)) outcome.alreadyHeld += 1;
        else outcome.passes.push({ worker, code: this.create(tx, drill, worker) });
      }
      await tx.flush();
      return outcome;
    });
  }

  /** A new pass for a worker who lost theirs: the old one stops working at once (and its takers' next start). */
  async reissue(drillId: string, workerId: string): Promise<IssuedPass & { drill: Drill }> {
    return this.em.transactional(async (tx) => {
      const drill = await this.openDrill(tx, drillId);
      const worker = await tx.findOne(Worker, { id: workerId }, { populate: ['enterprise'] });
      if (!worker) throw notFound('Worker', ['input', 'workerId']);
      assertMayIssue(this.viewer, drill, worker.enterprise.id);
      DrillPassService.assertIssuable(drill);
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`drill_pass:${drill.id}:${worker.enterprise.id}`]);
      const live = await tx.find(DrillPass, { drill: drill.id, worker: worker.id, revokedAt: null });
      if (!live.length) throw domainError(UserErrorCode.INVALID_STATE, m('noPassToReissue'), ['input', 'workerId']);
      const now = new Date();
      for (const p of live) p.revokedAt = now;
      // Revocations first: the partial unique index allows one live pass per worker and drill.
      await tx.flush();
      // Whoever holds the worker's attempt under way entered with the old pass: release it, so that device's
      // next save or submit is refused (DEVICE_REPLACED) until the worker enters with the new pass and takes it over.
      await tx.execute(`update "drill_attempt" set "active_device" = null, "version" = "version" + 1 where "drill_id" = ? and "worker_id" = ? and "status" = ?`,
        [drill.id, worker.id, AttemptStatus.IN_PROGRESS]);
      const code = this.create(tx, drill, worker);
      await tx.flush();
      return { worker, code, drill };
    });
  }

  private create(tx: EntityManager, drill: Drill, worker: Worker): string {
    const code = newPassCode();
    tx.create(DrillPass, { drill, worker, codeHash: passCodeHash(code), issuedBy: tx.getReference(User, this.viewer.id) } as never);
    return code;
  }
}
