import { Role } from '../../src/auth/role';
import { idOf, toGlobalId } from '../../src/common/relay';
import { Level } from '../../src/registry/enums';
import { StudioKind, StudioMemberRole, StudioStatus } from '../../src/studios/enums';
import { Studio } from '../../src/studios/studio.entity';
import { StudioMember } from '../../src/studios/studio-member.entity';
import { createEnterprise, createWorker } from '../helpers/registry';
import { ok, type GqlResult, type TestServer } from '../helpers/server';

export type Account = { id: string; globalId: string; token: string };

/**
 * Studios are written straight to the database: the studio API is built elsewhere in parallel, and
 * these tests are about projects. Everything about projects goes through GraphQL.
 */
export async function insertStudio(
  t: TestServer,
  opts: { managerId: string; enterpriseId: string; leaderId: string; memberIds?: string[]; status?: StudioStatus },
): Promise<string> {
  const em = t.orm.em.fork();
  const uuid = (g: string) => idOf(g, 'Worker') ?? idOf(g, 'Enterprise') ?? g;
  const studio = em.create(Studio, {
    name: `创新工作室${Math.random().toString(36).slice(2, 8)}`, kind: StudioKind.WORKER_INNOVATION, level: Level.CITY,
    status: opts.status ?? StudioStatus.ACCREDITED, description: '', focusAreas: ['焊接工艺'],
    enterprise: uuid(opts.enterpriseId), leader: uuid(opts.leaderId), manager: opts.managerId,
  } as never);
  em.create(StudioMember, { studio, worker: uuid(opts.leaderId), role: StudioMemberRole.LEADER } as never);
  for (const m of opts.memberIds ?? []) em.create(StudioMember, { studio, worker: uuid(m), role: StudioMemberRole.MEMBER } as never);
  await em.flush();
  return toGlobalId('Studio', studio.id);
}

export interface World {
  admin: Account;
  organizer: Account;
  manager: Account;
  otherManager: Account;
  reviewer: Account;
  /** A reviewer linked to a worker of the lead worker's enterprise: a conflict of interest. */
  insideReviewer: Account;
  enterpriseId: string;
  leadId: string;
  studioId: string;
}

export async function world(t: TestServer): Promise<World> {
  const admin = await t.user([Role.ADMIN]);
  const [organizer, manager, otherManager] = await Promise.all([t.user([Role.ORGANIZER]), t.user([Role.STUDIO_MANAGER]), t.user([Role.STUDIO_MANAGER])]);
  const enterprise = await createEnterprise(t, admin.token);
  const experts = await createEnterprise(t, admin.token);
  const lead = await createWorker(t, admin.token, enterprise.id);
  const colleague = await createWorker(t, admin.token, enterprise.id);
  const expert = await createWorker(t, admin.token, experts.id);
  const reviewer = await t.user([Role.REVIEWER], { workerId: expert.id });
  const insideReviewer = await t.user([Role.REVIEWER], { workerId: colleague.id });
  const studioId = await insertStudio(t, { managerId: manager.id, enterpriseId: enterprise.id, leaderId: lead.id });
  return { admin, organizer, manager, otherManager, reviewer, insideReviewer, enterpriseId: enterprise.id, leadId: lead.id, studioId };
}

/** A mutation's payload, GraphQL errors left for the caller to check. */
export async function call(t: TestServer, token: string | null, name: string, input: Record<string, unknown>, selection = ''): Promise<{ res: GqlResult; payload: any }> {
  const inputType = name[0]!.toUpperCase() + name.slice(1) + 'Input';
  const res = await t.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { code field message } } }`, { input }, token);
  return { res, payload: res.data?.[name] ?? null };
}

/** A mutation that must succeed; returns its payload. */
export async function must(t: TestServer, token: string, name: string, input: Record<string, unknown>, selection: string): Promise<any> {
  const { res, payload } = await call(t, token, name, input, selection);
  ok(res);
  if (payload.userErrors.length) throw new Error(`${name}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

export async function createProject(t: TestServer, w: World, over: Record<string, unknown> = {}, token = w.manager.token): Promise<string> {
  const input = { title: '焊缝智能检测装置', summary: '用视觉识别焊缝缺陷', field: '智能制造', leadWorkerId: w.leadId, studioId: w.studioId, ...over };
  return (await must(t, token, 'createIncubationProject', input, 'project { id }')).project.id;
}

export const gate = (projectId: string, decision: string, comment: string | null = null, score: number | null = 80) => ({
  projectId, gateDecision: { decision, score, comment },
});
