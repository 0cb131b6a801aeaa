import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker, workerInput } from '../helpers/registry';

const IMPORT = `mutation($input: ImportWorkersInput!) { importWorkers(input: $input) {
  results { row outcome worker { id employeeNumber name joinedAt skillLevel } } createdCount updatedCount unchangedCount dryRun
  userErrors { code field message } } }`;
const CREATE = `mutation($input: CreateWorkerInput!) { createWorker(input: $input) { worker { id joinedAt } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateWorkerInput!) { updateWorker(input: $input) { worker { joinedAt } userErrors { code field message } } }`;

let t: TestServer;
let admin: string;
let organizer: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  organizer = (await t.user([Role.ORGANIZER])).token;
});
afterAll(async () => t.close());

const importRows = async (enterpriseId: string, rows: unknown[], extra: Record<string, unknown> = {}) =>
  ok(await t.gql(IMPORT, { input: { enterpriseId, rows, ...extra } }, organizer)).importWorkers;
const workersIn = async (enterpriseId: string) =>
  ok(await t.gql(`query($e: ID!) { workers(first: 100, filter: { enterpriseId: $e }, orderBy: { field: CREATED_AT }) { totalCount nodes { id employeeNumber name joinedAt trade } } }`, { e: enterpriseId }, admin)).workers;

describe('joinedAt is a date', () => {
  it('takes and gives YYYY-MM-DD on createWorker, updateWorker and in queries', async () => {
    const e = await createEnterprise(t, admin);
    const created = ok(await t.gql(CREATE, { input: { ...workerInput(1, { joinedAt: '2015-03-01' }), enterpriseId: e.id } }, organizer)).createWorker;
    expect(created).toEqual({ worker: { id: expect.any(String), joinedAt: '2015-03-01' }, userErrors: [] });
    expect(ok(await t.gql(UPDATE, { input: { workerId: created.worker.id, joinedAt: '2016-02-29' } }, organizer)).updateWorker)
      .toEqual({ worker: { joinedAt: '2016-02-29' }, userErrors: [] });
    expect((await workersIn(e.id)).nodes[0].joinedAt).toBe('2016-02-29');
  });

  it('refuses a timestamp, an impossible date or a future one as a userError on the field, changing nothing', async () => {
    const e = await createEnterprise(t, admin);
    for (const joinedAt of ['2015-03-01T00:00:00Z', '2015-02-29', '01/03/2015', '3000-01-01']) {
      const res = ok(await t.gql(CREATE, { input: { ...workerInput(2, { joinedAt }), enterpriseId: e.id } }, organizer)).createWorker;
      expect(res.worker).toBeNull();
      expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'joinedAt'] })]);
    }
    const w = await createWorker(t, admin, e.id);
    expect(ok(await t.gql(UPDATE, { input: { workerId: w.id, joinedAt: '2015-13-01' } }, organizer)).updateWorker.userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'joinedAt'], message: expect.stringMatching(/YYYY-MM-DD/) })]);
    expect((await workersIn(e.id)).nodes.map((n: any) => n.joinedAt)).toEqual(['2015-03-01']);
  });
});

describe('importWorkers', () => {
  it('returns each row’s outcome and worker in row order, numbered from 1', async () => {
    const e = await createEnterprise(t, admin);
    const rows = [...Array(250).keys()].map((i) => workerInput(10_000 + i));
    const res = await importRows(e.id, rows);
    expect(res).toMatchObject({ createdCount: 250, updatedCount: 0, unchangedCount: 0, dryRun: false, userErrors: [] });
    expect(res.results.map((r: any) => [r.row, r.outcome, r.worker.employeeNumber])).toEqual(rows.map((r, i) => [i + 1, 'CREATED', r.employeeNumber]));
    expect(res.results[0].worker).toMatchObject({ joinedAt: '2015-03-01', skillLevel: 'SENIOR' });
    // The IDs are the stored workers' (a frontend registers them next).
    const NODE = `query($id: ID!) { node(id: $id) { ... on Worker { employeeNumber } } }`;
    expect(ok(await t.gql(NODE, { id: res.results[249].worker.id }, admin)).node).toEqual({ employeeNumber: rows[249]!.employeeNumber });
    expect((await workersIn(e.id)).totalCount).toBe(250);
  });

  it('imports nothing when any row is bad, and reports every bad row (fields index rows from 0, messages count from 1)', async () => {
    const e = await createEnterprise(t, admin);
    const rows = [
      workerInput(20_001),
      workerInput(20_002, { name: '' }),
      workerInput(20_003, { joinedAt: '2015-02-30' }),
      workerInput(20_004, { employeeNumber: 'E20001' }),
      workerInput(20_005, { birthYear: 2100, joinedAt: '2015-03-01T08:00:00+08:00' }),
      workerInput(20_006, { joinedAt: '2015-03-01' }),
    ];
    const res = await importRows(e.id, rows);
    expect(res.results).toBeNull();
    expect(res.userErrors.map((u: any) => `${u.code}:${u.field.join('.')}`)).toEqual([
      'INVALID_INPUT:input.rows.1.name',
      'INVALID_INPUT:input.rows.2.joinedAt',
      'ALREADY_EXISTS:input.rows.3.employeeNumber',
      'INVALID_INPUT:input.rows.4.birthYear',
      'INVALID_INPUT:input.rows.4.joinedAt',
    ]);
    expect(res.userErrors[1].message).toMatch(/^第 3 行：joinedAt 须为 YYYY-MM-DD 格式的日期/);
    expect(res.userErrors[2].message).toBe('第 4 行：工号 E20001 与第 1 行重复');
    // The same refusal in English, on request.
    const en = ok(await t.gql(IMPORT, { input: { enterpriseId: e.id, rows } }, organizer, { locale: 'en' })).importWorkers;
    expect(en.userErrors[2].message).toBe('row 4: employee number E20001 repeats row 1');
    expect(en.userErrors[1].message).toMatch(/^row 3: joinedAt must be a date as YYYY-MM-DD/);
    expect((await workersIn(e.id)).totalCount).toBe(0);
  });

  it('dryRun checks the file and says what would happen, writing nothing', async () => {
    const e = await createEnterprise(t, admin);
    const kept = await createWorker(t, admin, e.id, { employeeNumber: 'DRY-1', name: '旧名' });
    const rows = [workerInput(30_001, { employeeNumber: 'DRY-1', name: '新名' }), workerInput(30_002)];
    const res = await importRows(e.id, rows, { dryRun: true });
    expect(res).toMatchObject({ createdCount: 1, updatedCount: 1, unchangedCount: 0, dryRun: true, userErrors: [] });
    expect(res.results).toEqual([
      { row: 1, outcome: 'UPDATED', worker: expect.objectContaining({ id: kept.id, name: '旧名' }) },
      { row: 2, outcome: 'CREATED', worker: null },
    ]);
    expect((await workersIn(e.id)).nodes).toEqual([expect.objectContaining({ id: kept.id, name: '旧名' })]);
    const bad = await importRows(e.id, [workerInput(30_003, { joinedAt: 'x' })], { dryRun: true });
    expect(bad.userErrors).toEqual([expect.objectContaining({ field: ['input', 'rows', '0', 'joinedAt'] })]);
  });

  it('re-importing a file updates the workers it matches by employee number, and leaves identical ones alone', async () => {
    const e = await createEnterprise(t, admin);
    const rows = [workerInput(40_001), workerInput(40_002), workerInput(40_003)];
    const first = await importRows(e.id, rows);
    const ids = first.results.map((r: any) => r.worker.id);
    const again = await importRows(e.id, [{ ...rows[0], trade: '钳工', joinedAt: '2016-04-01' }, rows[1], workerInput(40_004)]);
    expect(again).toMatchObject({ createdCount: 1, updatedCount: 1, unchangedCount: 1, userErrors: [] });
    expect(again.results.map((r: any) => [r.row, r.outcome, r.worker.id === ids[r.row - 1]])).toEqual([[1, 'UPDATED', true], [2, 'UNCHANGED', true], [3, 'CREATED', false]]);
    const stored = (await workersIn(e.id)).nodes;
    expect(stored).toHaveLength(4);
    expect(stored.find((n: any) => n.id === ids[0])).toMatchObject({ trade: '钳工', joinedAt: '2016-04-01' });
  });

  it('refuses a matched row whose skill level differs (levels change through recordSkillLevelChange), writing nothing', async () => {
    const e = await createEnterprise(t, admin);
    await importRows(e.id, [workerInput(50_001)]);
    const res = await importRows(e.id, [workerInput(50_002), { ...workerInput(50_001, { skillLevel: 'TECHNICIAN', name: '改名' }) }]);
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'rows', '1', 'skillLevel'], message: expect.stringMatching(/^第 2 行：.*recordSkillLevelChange/) })]);
    expect((await workersIn(e.id)).nodes.map((n: any) => n.name)).toEqual([workerInput(50_001).name]);
    // An empty level in the file leaves the stored one alone.
    expect((await importRows(e.id, [workerInput(50_001, { skillLevel: null, name: '改名' })])).results[0]).toMatchObject({ outcome: 'UPDATED', worker: { skillLevel: 'SENIOR', name: '改名' } });
  });

  it('is refused to non-registry roles and refuses an empty import', async () => {
    const e = await createEnterprise(t, admin);
    const rows = [workerInput(60_001)];
    for (const role of [Role.STUDIO_MANAGER, Role.JUDGE, Role.REVIEWER]) {
      expect(errorCode(await t.gql(IMPORT, { input: { enterpriseId: e.id, rows } }, (await t.user([role])).token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.gql(IMPORT, { input: { enterpriseId: e.id, rows } }))).toBe('UNAUTHENTICATED');
    expect((await importRows(e.id, [])).userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'rows'] });
    expect((await workersIn(e.id)).totalCount).toBe(0);
  });
});
