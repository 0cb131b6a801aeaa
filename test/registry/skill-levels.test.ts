import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker, workerInput } from '../helpers/registry';

const LEVEL = `mutation($input: RecordSkillLevelChangeInput!) { recordSkillLevelChange(input: $input) {
  change { from to kind note } worker { skillLevel } userErrors { code field message } } }`;
const HISTORY = `query($id: ID!) { worker(id: $id) { skillLevel skillLevelHistory { from to kind reason note } } }`;
const IMPORT = `mutation($input: ImportWorkersInput!) { importWorkers(input: $input) { results { worker { id } } userErrors { code } } }`;

let t: TestServer;
let admin: string;
let organizer: string;
let ent: { id: string };
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  organizer = (await t.user([Role.ORGANIZER])).token;
  ent = await createEnterprise(t, admin);
});
afterAll(async () => t.close());

const record = async (input: Record<string, unknown>, token = organizer) => ok(await t.gql(LEVEL, { input }, token)).recordSkillLevelChange;
const history = async (id: string) => ok(await t.gql(HISTORY, { id }, admin)).worker;
const initial = (to: string) => ({ from: null, to, kind: 'INITIAL', reason: '登记时的技能等级 / Skill level at registration', note: null });

describe('the starting level is in the history', () => {
  it('createWorker and importWorkers record the level a worker is registered with', async () => {
    const made = await createWorker(t, admin, ent.id, { skillLevel: 'INTERMEDIATE' });
    expect(await history(made.id)).toEqual({ skillLevel: 'INTERMEDIATE', skillLevelHistory: [initial('INTERMEDIATE')] });
    const rows = [workerInput(70_001, { skillLevel: 'TECHNICIAN' }), workerInput(70_002, { skillLevel: null })];
    const [a, b] = ok(await t.gql(IMPORT, { input: { enterpriseId: ent.id, rows } }, admin)).importWorkers.results;
    expect(await history(a.worker.id)).toEqual({ skillLevel: 'TECHNICIAN', skillLevelHistory: [initial('TECHNICIAN')] });
    expect(await history(b.worker.id)).toEqual({ skillLevel: null, skillLevelHistory: [] });
  });

  it('a worker registered without a level gets the first one with kind INITIAL', async () => {
    const w = await createWorker(t, admin, ent.id, { skillLevel: null });
    expect((await record({ workerId: w.id, to: 'SENIOR', reason: '认定' })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'kind'] })]);
    expect((await record({ workerId: w.id, to: 'SENIOR', kind: 'INITIAL', reason: '首次认定' })).change).toEqual({ from: null, to: 'SENIOR', kind: 'INITIAL', note: null });
    expect((await record({ workerId: w.id, to: 'JUNIOR', kind: 'INITIAL', reason: '再次' })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'kind'] })]);
  });
});

describe('recordSkillLevelChange rules', () => {
  it('an ordinary promotion goes one level up', async () => {
    const w = await createWorker(t, admin, ent.id, { skillLevel: 'JUNIOR' });
    const jump = await record({ workerId: w.id, to: 'SENIOR', reason: '职业技能等级认定' });
    expect(jump).toMatchObject({ change: null, userErrors: [{ code: 'INVALID_STATE', field: ['input', 'to'], message: expect.stringMatching(/只能升一级（初级工 → 中级工）/) }] });
    const down = await record({ workerId: w.id, to: 'JUNIOR', reason: 'x' });
    expect(down.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'to'] })]);
    expect((await history(w.id)).skillLevelHistory).toEqual([initial('JUNIOR')]); // refused changes wrote nothing
    expect((await record({ workerId: w.id, to: 'INTERMEDIATE', reason: '职业技能等级认定' })).change).toEqual({ from: 'JUNIOR', to: 'INTERMEDIATE', kind: 'PROMOTION', note: null });
  });

  it('a bigger step up is a CORRECTION with a note; a step down is a CORRECTION, REVOCATION or ANNULMENT with a note', async () => {
    const w = await createWorker(t, admin, ent.id, { skillLevel: 'JUNIOR' });
    expect((await record({ workerId: w.id, to: 'SENIOR', kind: 'CORRECTION', reason: '录入错误' })).userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'note'] })]);
    expect((await record({ workerId: w.id, to: 'SENIOR', kind: 'REVOCATION', reason: '证书撤销', note: '见人社局通知' })).userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'kind'] })]);
    expect((await record({ workerId: w.id, to: 'SENIOR', kind: 'CORRECTION', reason: '录入错误', note: '登记时误录为初级，证书为高级' })).change)
      .toEqual({ from: 'JUNIOR', to: 'SENIOR', kind: 'CORRECTION', note: '登记时误录为初级，证书为高级' });
    for (const kind of ['REVOCATION', 'ANNULMENT']) {
      expect((await record({ workerId: w.id, to: 'JUNIOR', kind, reason: '证书撤销', note: '   ' })).userErrors)
        .toEqual([expect.objectContaining({ field: ['input', 'note'] })]);
    }
    expect((await record({ workerId: w.id, to: 'INTERMEDIATE', kind: 'REVOCATION', reason: '证书撤销', note: '证书系冒名取得' })).change)
      .toEqual({ from: 'SENIOR', to: 'INTERMEDIATE', kind: 'REVOCATION', note: '证书系冒名取得' });
    expect((await record({ workerId: w.id, to: 'JUNIOR', kind: 'ANNULMENT', reason: '鉴定无效', note: '该批次鉴定被宣布无效' })).change.kind).toBe('ANNULMENT');
    expect((await history(w.id)).skillLevelHistory.map((h: any) => `${h.kind}:${h.to}`)).toEqual(['INITIAL:JUNIOR', 'CORRECTION:SENIOR', 'REVOCATION:INTERMEDIATE', 'ANNULMENT:JUNIOR']);
  });

  it('refuses COMPETITION (only finalizeCompetition writes it) and a change dated before the latest one', async () => {
    const w = await createWorker(t, admin, ent.id, { skillLevel: 'SENIOR' });
    expect((await record({ workerId: w.id, to: 'TECHNICIAN', kind: 'COMPETITION', reason: '比赛' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'kind'] })]);
    expect((await record({ workerId: w.id, to: 'TECHNICIAN', reason: '认定', at: '2001-01-01T00:00:00Z' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'at'] })]);
    expect((await history(w.id)).skillLevelHistory).toHaveLength(1);
  });

  it('is refused to roles that do not keep the registry', async () => {
    const w = await createWorker(t, admin, ent.id, { skillLevel: 'SENIOR' });
    const input = { workerId: w.id, to: 'TECHNICIAN', reason: '认定' };
    expect(errorCode(await t.gql(LEVEL, { input }))).toBe('UNAUTHENTICATED');
    for (const role of [Role.JUDGE, Role.REVIEWER, Role.STUDIO_MANAGER]) expect(errorCode(await t.gql(LEVEL, { input }, (await t.user([role])).token))).toBe('FORBIDDEN');
    expect((await history(w.id)).skillLevel).toBe('SENIOR');
  });
});
