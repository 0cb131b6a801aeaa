import { Role } from '../../src/auth/role';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, signOffAndPublish, type CompetitionFixture } from '../helpers/competition';
import { closeScoring, FILE } from '../competitions/appeals-setup';
import { createDrill, ENTER, ISSUE, rightAnswer, SAVE, seedBank, START, SUBMIT } from './taking-fixture';

/*
 * An appeal against a stage filled from a drill is refused, naming the drill and the way to contest a
 * question (correct it in the bank: every attempt is re-marked); the other stages take appeals as before.
 * An upheld appeal there could never be resolved: no re-marker may mark a drill-fed criterion.
 */
let t: TestServer;
let f: CompetitionFixture;
beforeAll(async () => {
  t = await startTestServer();
  const organizer = await t.user([Role.ORGANIZER]);
  await t.server.app.theoryFiller!.stop();
  f = await setupCompetition(t, {
    organizer, entries: 2, judges: 1,
    stages: [{ name: '理论', weight: 30, criteria: [{ kind: 'MEASUREMENT', maxScore: 30 }] }, { name: '实操', weight: 70, criteria: [{ kind: 'JUDGEMENT', maxScore: 70 }] }],
  });
  await seedBank(t, organizer.id);
  const drill = await createDrill(t, { organizerUserId: organizer.id });
  await mutate(t, organizer.token, 'linkStageToDrill', 'LinkStageToDrillInput', { stageId: f.stages[0]!.id, drillId: drill.id }, 'stageDrill { id }');
  for (const e of f.entries) {
    const { passes } = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: e.enterpriseId } }, organizer.token)).issueDrillPasses;
    const pass = passes.find((p: any) => p.worker.id === e.workerIds[0]);
    const { token } = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: pass.code, employeeNumber: pass.worker.employeeNumber } })).enterDrill;
    const { attempt } = ok(await t.gql(START, { input: { drillId: drill.id } }, token)).startAttempt;
    let seq = 0;
    for (const q of attempt.questions) ok(await t.gql(SAVE, { input: { attemptId: attempt.id, questionId: q.questionId, answer: rightAnswer(q), seq: ++seq } }, token));
    ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, token));
  }
  await t.orm.em.fork().getConnection().execute(`update drill set closes_at = now() - interval '1 second' where id = ?`, [drill.uuid]);
  await mutate(t, organizer.token, 'fillStageFromDrill', 'StageDrillStageInput', { stageId: f.stages[0]!.id }, 'counts { filled }');
  for (const e of f.entries) await mutate(t, f.judges[0]!.token, 'submitScore', 'SubmitScoreInput', { entryId: e.id, criterionId: f.stages[1]!.criteria[0]!.id, value: 60 }, 'score { id }');
  await closeScoring(t, f);
  await signOffAndPublish(t, f, { appealWindowMinutes: 60 });
}, 120_000);
afterAll(async () => t.close());

it('refuses an appeal against the drill’s stage or its criterion, and takes one against another stage', async () => {
  const entrant = await t.user([Role.REVIEWER], { workerId: f.entries[0]!.workerIds[0] });
  const file = async (input: Record<string, unknown>) => ok(await t.gql(FILE, { input: { entryId: f.entries[0]!.id, grounds: '第3题答案有误', ...input } }, entrant.token)).fileAppeal;
  const byStage = await file({ stageId: f.stages[0]!.id });
  expect(byStage).toMatchObject({ appeal: null, userErrors: [expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'stageId'] })] });
  expect(byStage.userErrors[0].message).toContain('电焊安全网上练兵');
  const byCriterion = await file({ criterionId: f.stages[0]!.criteria[0]!.id });
  expect(byCriterion.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'criterionId'] })]);
  const practical = await file({ stageId: f.stages[1]!.id });
  expect(practical).toMatchObject({ userErrors: [], appeal: { status: 'FILED', stage: { id: f.stages[1]!.id } } });
});
