import { Role } from '../../src/auth/role';
import { createEnterprise, createWorker } from './registry';
import { run, type TestServer } from './server';
import { AddStudioMemberDocument, ApplyForStudioDocument, GrantHonorDocument, ReviewStudioDocument, type Level } from '../generated/graphql';

/**
 * Builds a studio through the public GraphQL API: an enterprise, a leader who meets the kind's rule,
 * the application by a STUDIO_MANAGER and (by default) accreditation by a REVIEWER of another
 * enterprise. Every ID is a global ID; users are as `t.user` gives them.
 */
export interface StudioFixture {
  studioId: string;
  enterpriseId: string;
  leaderWorkerId: string;
  /** Further members (role MEMBER), each a worker of the studio's enterprise. */
  memberWorkerIds: string[];
  manager: { id: string; globalId: string; token: string };
  reviewer: { id: string; globalId: string; token: string };
  admin: { token: string };
}

export interface StudioOptions {
  kind?: 'MODEL_WORKER' | 'CRAFTSMAN' | 'SKILL_MASTER' | 'WORKER_INNOVATION';
  level?: string;
  name?: string;
  district?: string;
  description?: string;
  /** Default ACCREDITED. */
  until?: 'APPLIED' | 'ACCREDITED';
  /** Default 2 further members. */
  members?: number;
  manager?: StudioFixture['manager'];
  reviewer?: StudioFixture['reviewer'];
  admin?: { token: string };
}

let seq = 0;

/** A worker of the enterprise who meets `kind`'s leader rule (honor granted, or skill level). */
export async function eligibleLeader(t: TestServer, adminToken: string, enterpriseId: string, kind: StudioOptions['kind'] = 'WORKER_INNOVATION', name?: string): Promise<string> {
  const leader = await createWorker(t, adminToken, enterpriseId, {
    skillLevel: kind === 'SKILL_MASTER' ? 'TECHNICIAN' : 'SENIOR', ...(name ? { name } : {}),
  });
  if (kind === 'MODEL_WORKER' || kind === 'CRAFTSMAN') {
    await run(t, adminToken, GrantHonorDocument, { input: { workerId: leader.id, kind, level: 'CITY', year: 2023 } });
  }
  return leader.id;
}

export async function setupStudio(t: TestServer, opts: StudioOptions = {}): Promise<StudioFixture> {
  const n = ++seq;
  const kind = opts.kind ?? 'WORKER_INNOVATION';
  const admin = opts.admin ?? (await t.user([Role.ADMIN]));
  const manager = opts.manager ?? (await t.user([Role.STUDIO_MANAGER]));
  const reviewer = opts.reviewer ?? (await t.user([Role.REVIEWER]));
  const enterprise = await createEnterprise(t, admin.token, { name: `工作室企业${n}-${Date.now() % 100000}`, ...(opts.district ? { district: opts.district } : {}) });
  const leaderWorkerId = await eligibleLeader(t, admin.token, enterprise.id, kind);
  const studio = (await run(t, manager.token, ApplyForStudioDocument, { input: {
    name: opts.name ?? `创新工作室${n}`, kind, enterpriseId: enterprise.id, leaderWorkerId, level: (opts.level ?? 'CITY') as Level,
    description: opts.description ?? '焊接工艺攻关', focusAreas: ['焊接工艺'],
  } })).applyForStudio.studio!;
  const memberWorkerIds: string[] = [];
  for (let i = 0; i < (opts.members ?? 2); i++) {
    const w = await createWorker(t, admin.token, enterprise.id);
    await run(t, manager.token, AddStudioMemberDocument, { input: { studioId: studio.id, workerId: w.id, role: 'MEMBER' } });
    memberWorkerIds.push(w.id);
  }
  if ((opts.until ?? 'ACCREDITED') === 'ACCREDITED') {
    await run(t, reviewer.token, ReviewStudioDocument, { input: { studioId: studio.id, decision: 'ACCREDIT', comment: '符合认定条件' } });
  }
  return { studioId: studio.id, enterpriseId: enterprise.id, leaderWorkerId, memberWorkerIds, manager, reviewer, admin };
}
