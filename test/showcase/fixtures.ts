import { Role } from '../../src/auth/role';
import { User } from '../../src/auth/user.entity';
import { idOf, toGlobalId } from '../../src/common/relay';
import { Level } from '../../src/registry/enums';
import { Studio } from '../../src/studios/studio.entity';
import { Innovation } from '../../src/studios/innovation.entity';
import { StudioReport } from '../../src/studios/studio-report.entity';
import { InnovationCategory, StudioKind, StudioStatus } from '../../src/studios/enums';
import { OperatingMethod } from '../../src/methods/operating-method.entity';
import { MethodAdoption } from '../../src/methods/method-adoption.entity';
import { MethodStatus } from '../../src/methods/enums';
import { IncubationProject } from '../../src/incubation/incubation-project.entity';
import { ProjectFunding } from '../../src/incubation/project-parts.entity';
import { FundingSourceKind, ProjectStage } from '../../src/incubation/enums';
import { Enterprise } from '../../src/registry/enterprise.entity';
import { Worker } from '../../src/registry/worker.entity';
import type { TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';

/*
 * Studios, innovations, methods and projects are other modules' work, built in parallel: these tests
 * make them directly with the ORM (as those modules' own mutations would leave them) and check the
 * showcase through GraphQL only.
 */

export interface Fixture {
  t: TestServer;
  admin: { id: string; token: string };
  /** An enterprise in the given district and one worker of it, through the public API. */
  enterprise(district?: string, industry?: string): Promise<{ id: string; uuid: string; workerId: string }>;
}

export async function fixture(t: TestServer): Promise<Fixture> {
  const admin = await t.user([Role.ADMIN]);
  return {
    t,
    admin,
    async enterprise(district = '思明区', industry = '制造业') {
      const e = await createEnterprise(t, admin.token, { district, industry });
      const w = await createWorker(t, admin.token, e.id);
      return { id: e.id, uuid: idOf(e.id, 'Enterprise')!, workerId: idOf(w.id, 'Worker')! };
    },
  };
}

type Ent = { uuid: string; workerId: string };

async function persist<T extends object>(t: TestServer, build: (em: ReturnType<TestServer['orm']['em']['fork']>) => T): Promise<T> {
  const em = t.orm.em.fork();
  const entity = build(em);
  await em.flush();
  return entity;
}

export async function makeStudio(
  t: TestServer,
  ent: Ent,
  managerId: string,
  over: Partial<{ name: string; kind: StudioKind; level: Level; status: StudioStatus; reviewDueAt: Date | null; appliedAt: Date }> = {},
): Promise<{ id: string; uuid: string }> {
  const status = over.status ?? StudioStatus.ACCREDITED;
  const s = await persist(t, (em) =>
    em.create(Studio, {
      name: over.name ?? `工作室${Math.random().toString(36).slice(2, 8)}`,
      kind: over.kind ?? StudioKind.WORKER_INNOVATION,
      level: over.level ?? Level.CITY,
      status,
      enterprise: em.getReference(Enterprise, ent.uuid),
      leader: em.getReference(Worker, ent.workerId),
      manager: em.getReference(User, managerId),
      appliedAt: over.appliedAt ?? new Date(),
      accreditedAt: status === StudioStatus.APPLIED ? null : new Date(),
      reviewDueAt: over.reviewDueAt !== undefined ? over.reviewDueAt : status === StudioStatus.APPLIED ? null : new Date(Date.now() + 3 * 365 * 86400_000),
    } as never),
  );
  return { id: toGlobalId('Studio', s.id), uuid: s.id };
}

export async function setStudioStatus(t: TestServer, studioUuid: string, status: StudioStatus): Promise<void> {
  await t.orm.em.fork().nativeUpdate(Studio, { id: studioUuid }, { status });
}

export async function makeInnovation(
  t: TestServer,
  studioUuid: string,
  userId: string,
  over: Partial<{ title: string; category: InnovationCategory; year: number; economicBenefit: string | null }> = {},
): Promise<{ id: string; uuid: string }> {
  const i = await persist(t, (em) =>
    em.create(Innovation, {
      studio: em.getReference(Studio, studioUuid),
      title: over.title ?? '焊缝自动检测装置',
      category: over.category ?? InnovationCategory.TECHNICAL_INNOVATION,
      description: '说明',
      year: over.year ?? 2026,
      economicBenefit: over.economicBenefit === undefined ? '1000.00' : over.economicBenefit,
      registeredBy: em.getReference(User, userId),
    } as never),
  );
  return { id: toGlobalId('Innovation', i.id), uuid: i.id };
}

export async function makeMethod(
  t: TestServer,
  ent: Ent,
  userId: string,
  over: Partial<{ status: MethodStatus; officialName: string | null; submittedAt: Date; namedAt: Date | null }> = {},
): Promise<{ id: string; uuid: string }> {
  const status = over.status ?? MethodStatus.NAMED;
  const m = await persist(t, (em) =>
    em.create(OperatingMethod, {
      proposedName: '高效焊接法',
      officialName: over.officialName !== undefined ? over.officialName : status === MethodStatus.NAMED ? `王晓明高效焊接法${Math.random().toString(36).slice(2, 8)}` : null,
      status,
      inventorIds: [ent.workerId],
      enterpriseIds: [ent.uuid],
      enterprise: em.getReference(Enterprise, ent.uuid),
      trade: '焊工',
      summary: '摘要',
      steps: ['一', '二'],
      expectedBenefit: '提高效率',
      submittedBy: em.getReference(User, userId),
      submittedAt: over.submittedAt ?? new Date(),
      namedAt: over.namedAt !== undefined ? over.namedAt : status === MethodStatus.NAMED ? new Date() : null,
    } as never),
  );
  return { id: toGlobalId('OperatingMethod', m.id), uuid: m.id };
}

export async function makeAdoption(t: TestServer, methodUuid: string, enterpriseUuid: string, userId: string, workersTrained: number, economicBenefit: string, adoptedAt = new Date()): Promise<void> {
  await persist(t, (em) =>
    em.create(MethodAdoption, {
      method: em.getReference(OperatingMethod, methodUuid),
      enterprise: em.getReference(Enterprise, enterpriseUuid),
      adoptedAt, workersTrained, economicBenefit, recordedBy: em.getReference(User, userId),
    } as never),
  );
}

export async function makeProject(
  t: TestServer,
  ent: Ent,
  userId: string,
  over: Partial<{ title: string; stage: ProjectStage; createdAt: Date }> = {},
): Promise<{ id: string; uuid: string }> {
  const p = await persist(t, (em) =>
    em.create(IncubationProject, {
      title: over.title ?? '智能焊接机器人', summary: '摘要', field: '智能制造', stage: over.stage ?? ProjectStage.INCUBATING,
      leadWorker: em.getReference(Worker, ent.workerId), enterprise: em.getReference(Enterprise, ent.uuid),
      owner: em.getReference(User, userId), createdAt: over.createdAt ?? new Date(),
    } as never),
  );
  return { id: toGlobalId('IncubationProject', p.id), uuid: p.id };
}

export async function makeFunding(t: TestServer, projectUuid: string, userId: string, amount: string, sourceKind = FundingSourceKind.UNION, receivedAt = new Date()): Promise<void> {
  await persist(t, (em) =>
    em.create(ProjectFunding, {
      project: em.getReference(IncubationProject, projectUuid), sourceKind, source: '市总工会', amount, receivedAt, recordedBy: em.getReference(User, userId),
    } as never),
  );
}

export async function makeReport(t: TestServer, studioUuid: string, userId: string, year: number, trainees: number, economicBenefit: string): Promise<void> {
  await persist(t, (em) =>
    em.create(StudioReport, {
      studio: em.getReference(Studio, studioUuid), year, trainees, apprenticesMentored: 1, projectsCompleted: 2, patentsFiled: 1,
      economicBenefit, summary: '年度总结', submittedBy: em.getReference(User, userId),
    } as never),
  );
}
