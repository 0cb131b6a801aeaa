import { Role } from '../../src/auth/role';
import { startTestServer, ok, type TestServer } from '../helpers/server';
import { call, createProject, gate, must, world, type World } from './fixture';

let t: TestServer;
let w: World;
beforeAll(async () => {
  t = await startTestServer();
  w = await world(t);
});
afterAll(() => t.close());

const PROJECT = `id stage nextGate terminationReason
  gateHistory(first: 100) { nodes { decision fromStage toStage score comment at decidedBy { id displayName } } }`;

async function project(id: string, token: string | null = w.reviewer.token): Promise<any> {
  const p = ok(await t.gql(`query($id: ID!) { incubationProject(id: $id) { ${PROJECT} } }`, { id }, token)).incubationProject;
  return { ...p, gateHistory: p.gateHistory && p.gateHistory.nodes };
}

describe('stage gates through GraphQL', () => {
  it('walks IDEA → INCUBATING → PILOT → GRADUATED, each gate refused until its requirement is met, with the whole history kept', async () => {
    const id = await createProject(t, w);
    expect(await project(id)).toMatchObject({ stage: 'IDEA', nextGate: '进入“孵化”阶段需要至少一个合作方（addProjectPartner）', gateHistory: [] });

    // IDEA gate: a partner.
    let r = await call(t, w.reviewer.token, 'advanceProject', gate(id, 'PASS'), 'project { stage }');
    expect(r.payload).toMatchObject({ project: null, userErrors: [{ code: 'NOT_ELIGIBLE', field: ['input', 'gateDecision', 'decision'] }] });
    expect(r.payload.userErrors[0].message).toBe('通过“创意”阶段评审需要至少一个合作方（addProjectPartner）');
    await must(t, w.manager.token, 'addProjectPartner', { projectId: id, kind: 'UNION', name: '市总工会', contribution: '场地与资金' }, 'partner { id kind }');
    r = await call(t, w.reviewer.token, 'advanceProject', gate(id, 'PASS', '有合作方'), 'project { stage } gateDecision { fromStage toStage }');
    expect(r.payload).toMatchObject({ project: { stage: 'INCUBATING' }, gateDecision: { fromStage: 'IDEA', toStage: 'INCUBATING' }, userErrors: [] });

    // HOLD: stays, and is recorded.
    r = await call(t, w.reviewer.token, 'advanceProject', gate(id, 'HOLD', '再观察一期', 55), 'project { stage }');
    expect(r.payload).toMatchObject({ project: { stage: 'INCUBATING' }, userErrors: [] });

    // INCUBATING gate: a completed milestone (an open one is not enough).
    const m = await must(t, w.manager.token, 'addMilestone', { projectId: id, title: '样机', dueAt: '2026-09-01T00:00:00.000Z' }, 'milestone { id completedAt }');
    r = await call(t, w.reviewer.token, 'advanceProject', gate(id, 'PASS'), 'project { stage }');
    expect(r.payload.userErrors).toMatchObject([{ code: 'NOT_ELIGIBLE' }]);
    expect(r.payload.userErrors[0].message).toContain('已完成的里程碑');
    const done = await must(t, w.manager.token, 'completeMilestone', { milestoneId: m.milestone.id, note: '样机完成' }, 'milestone { completedAt completionNote }');
    expect(done.milestone).toMatchObject({ completedAt: expect.any(String), completionNote: '样机完成' });
    const again = await call(t, w.manager.token, 'completeMilestone', { milestoneId: m.milestone.id }, 'milestone { id }');
    expect(again.payload.userErrors).toMatchObject([{ code: 'INVALID_STATE' }]);
    r = await call(t, w.reviewer.token, 'advanceProject', gate(id, 'PASS'), 'project { stage }');
    expect(r.payload.project.stage).toBe('PILOT');

    // PILOT gate: recorded funding.
    r = await call(t, w.admin.token, 'advanceProject', gate(id, 'PASS'), 'project { stage }');
    expect(r.payload.userErrors).toMatchObject([{ code: 'NOT_ELIGIBLE' }]);
    expect(r.payload.userErrors[0].message).toContain('已登记的资金');
    await must(t, w.manager.token, 'recordFunding', { projectId: id, sourceKind: 'FINANCIAL_INSTITUTION', source: '某银行', amount: '200000.00', receivedAt: '2026-03-01T00:00:00.000Z' }, 'funding { id }');
    r = await call(t, w.admin.token, 'advanceProject', gate(id, 'PASS', '转化成功', 92), 'project { stage nextGate }');
    expect(r.payload).toMatchObject({ project: { stage: 'GRADUATED', nextGate: null }, userErrors: [] });

    const p = await project(id);
    expect(p.gateHistory.map((g: any) => [g.decision, g.fromStage, g.toStage])).toEqual([
      ['PASS', 'IDEA', 'INCUBATING'],
      ['HOLD', 'INCUBATING', 'INCUBATING'],
      ['PASS', 'INCUBATING', 'PILOT'],
      ['PASS', 'PILOT', 'GRADUATED'],
    ]);
    expect(p.gateHistory[1]).toMatchObject({ score: 55, comment: '再观察一期', decidedBy: { id: w.reviewer.globalId } });
    expect(p.gateHistory[3]).toMatchObject({ score: 92, comment: '转化成功', decidedBy: { id: w.admin.globalId } });
    expect(new Date(p.gateHistory[3].at).getTime()).toBeGreaterThanOrEqual(new Date(p.gateHistory[0].at).getTime());

    // GRADUATED is final: no decision, no additions.
    for (const d of ['PASS', 'HOLD', 'KILL']) {
      const f = await call(t, w.reviewer.token, 'advanceProject', gate(id, d, 'x'), 'project { stage }');
      expect(f.payload.userErrors).toMatchObject([{ code: 'INVALID_STATE' }]);
    }
    const late = await call(t, w.manager.token, 'addProjectPartner', { projectId: id, kind: 'COLLEGE', name: '职业学院', contribution: '人才' }, 'partner { id }');
    expect(late.payload.userErrors).toMatchObject([{ code: 'INVALID_STATE' }]);
    expect((await project(id)).gateHistory).toHaveLength(4);
  });

  it('KILL needs a reason; with one the project is TERMINATED, final, and the reason shown', async () => {
    const id = await createProject(t, w);
    const open = await must(t, w.manager.token, 'addMilestone', { projectId: id, title: '未完成的样机' }, 'milestone { id }');
    for (const comment of [null, '   ']) {
      const r = await call(t, w.reviewer.token, 'advanceProject', gate(id, 'KILL', comment), 'project { stage }');
      expect(r.payload).toMatchObject({ project: null, userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'gateDecision', 'comment'] }] });
    }
    expect(await project(id)).toMatchObject({ stage: 'IDEA', gateHistory: [] });

    const r = await call(t, w.reviewer.token, 'advanceProject', gate(id, 'KILL', '市场前景不明', 30), 'project { stage terminationReason } gateDecision { decision toStage comment }');
    expect(r.payload).toMatchObject({
      project: { stage: 'TERMINATED', terminationReason: '市场前景不明' },
      gateDecision: { decision: 'KILL', toStage: 'TERMINATED', comment: '市场前景不明' },
      userErrors: [],
    });
    const f = await call(t, w.admin.token, 'advanceProject', gate(id, 'PASS'), 'project { stage }');
    expect(f.payload.userErrors).toMatchObject([{ code: 'INVALID_STATE' }]);
    for (const [name, input] of [
      ['addMilestone', { projectId: id, title: '复活' }],
      ['recordFunding', { projectId: id, sourceKind: 'UNION', source: '工会', amount: '1.00', receivedAt: '2026-01-01T00:00:00.000Z' }],
      ['addProjectPartner', { projectId: id, kind: 'UNION', name: '工会', contribution: '钱' }],
    ] as const) {
      const x = await call(t, w.manager.token, name, input, '');
      expect(x.payload.userErrors).toMatchObject([{ code: 'INVALID_STATE' }]);
    }
    const late = await call(t, w.manager.token, 'completeMilestone', { milestoneId: open.milestone.id }, 'milestone { completedAt }');
    expect(late.payload).toMatchObject({ milestone: null, userErrors: [{ code: 'INVALID_STATE' }] });
    const anon = await project(id, null);
    expect(anon).toMatchObject({ stage: 'TERMINATED', terminationReason: '市场前景不明', gateHistory: null });
  });

  it('refuses bad scores and conflicts of interest, changing nothing', async () => {
    const id = await createProject(t, w);
    await must(t, w.manager.token, 'addProjectPartner', { projectId: id, kind: 'COLLEGE', name: '职业学院', contribution: '实验室' }, 'partner { id }');
    const bad = await call(t, w.reviewer.token, 'advanceProject', gate(id, 'PASS', null, 101), 'project { stage }');
    expect(bad.payload.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'gateDecision', 'score'] }]);

    const inside = await call(t, w.insideReviewer.token, 'advanceProject', gate(id, 'PASS'), 'project { stage }');
    expect(inside.payload.userErrors).toMatchObject([{ code: 'CONFLICT_OF_INTEREST' }]);

    // An admin who created the project does not pass its gates either.
    const own = await createProject(t, w, {}, w.admin.token);
    await must(t, w.admin.token, 'addProjectPartner', { projectId: own, kind: 'UNION', name: '工会', contribution: '资金' }, 'partner { id }');
    const self = await call(t, w.admin.token, 'advanceProject', gate(own, 'PASS'), 'project { stage }');
    expect(self.payload.userErrors).toMatchObject([{ code: 'CONFLICT_OF_INTEREST' }]);

    expect(await project(id)).toMatchObject({ stage: 'IDEA', gateHistory: [] });
    expect(await project(own)).toMatchObject({ stage: 'IDEA', gateHistory: [] });
  });

  it('two reviewers passing the same gate at once: with expectedStage one passes, the other is told it is stale', async () => {
    const id = await createProject(t, w);
    await must(t, w.manager.token, 'addProjectPartner', { projectId: id, kind: 'UNION', name: '工会', contribution: '资金' }, 'partner { id }');
    const m = await must(t, w.manager.token, 'addMilestone', { projectId: id, title: '样机' }, 'milestone { id }');
    await must(t, w.manager.token, 'completeMilestone', { milestoneId: m.milestone.id }, 'milestone { id }');
    // Both gates' requirements are met: without the lock and the expected stage, two clicks could pass two gates.
    const second = await t.user([Role.REVIEWER]);
    const results = await Promise.all([w.reviewer.token, second.token].map((token) =>
      call(t, token, 'advanceProject', { ...gate(id, 'PASS'), expectedStage: 'IDEA' }, 'project { stage }')));
    const codes = results.map((r) => r.payload.userErrors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'STALE_VERSION']);
    expect(await project(id)).toMatchObject({ stage: 'INCUBATING', gateHistory: [{ toStage: 'INCUBATING' }] });
  });
});
