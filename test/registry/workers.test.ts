import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker, workerInput } from '../helpers/registry';

const CREATE = `mutation($input: CreateWorkerInput!) { createWorker(input: $input) { worker { id name employeeNumber skillLevel enterprise { id } } userErrors { code field message } } }`;
const GRANT = `mutation($input: GrantHonorInput!) { grantHonor(input: $input) { honor { kind level year source } worker { honors { nodes { kind } } } userErrors { code field } } }`;
const LEVEL = `mutation($input: RecordSkillLevelChangeInput!) { recordSkillLevelChange(input: $input) { change { from to reason } worker { skillLevel skillLevelHistory { from to reason source } } userErrors { code field } } }`;
const IMPORT = `mutation($input: ImportWorkersInput!) { importWorkers(input: $input) { createdCount userErrors { code field message } } }`;

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

describe('createWorker and updateWorker', () => {
  it('creates a worker in an enterprise', async () => {
    const res = ok(await t.gql(CREATE, { input: { ...workerInput(1), enterpriseId: ent.id } }, organizer));
    expect(res.createWorker.userErrors).toEqual([]);
    expect(res.createWorker.worker).toMatchObject({ name: '工人1', employeeNumber: 'E1', skillLevel: 'SENIOR', enterprise: { id: ent.id } });
  });

  it('refuses a duplicate employee number in the same enterprise but allows it in another', async () => {
    await createWorker(t, admin, ent.id, { employeeNumber: 'DUP-1' });
    const dup = ok(await t.gql(CREATE, { input: { ...workerInput(2, { employeeNumber: 'DUP-1' }), enterpriseId: ent.id } }, organizer));
    expect(dup.createWorker.worker).toBeNull();
    expect(dup.createWorker.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'employeeNumber'] })]);
    const other = await createEnterprise(t, admin);
    const elsewhere = ok(await t.gql(CREATE, { input: { ...workerInput(3, { employeeNumber: 'DUP-1' }), enterpriseId: other.id } }, organizer));
    expect(elsewhere.createWorker.userErrors).toEqual([]);
  });

  it('reports bad fields and an unknown enterprise as userErrors', async () => {
    const bad = ok(await t.gql(CREATE, { input: { ...workerInput(4, { name: '', birthYear: 1800, joinedAt: '2999-01-01' }), enterpriseId: ent.id } }, organizer));
    expect(bad.createWorker.userErrors.map((e: any) => e.field.join('.')).sort()).toEqual(['input.birthYear', 'input.joinedAt', 'input.name']);
    const noEnt = ok(await t.gql(CREATE, { input: { ...workerInput(5), enterpriseId: Buffer.from('Enterprise:11111111-1111-1111-1111-111111111111').toString('base64url') } }, organizer));
    expect(noEnt.createWorker.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'enterpriseId'] })]);
  });

  it('is refused to anonymous and to judges, reviewers and studio managers', async () => {
    const input = { ...workerInput(6), enterpriseId: ent.id };
    expect(errorCode(await t.gql(CREATE, { input }))).toBe('UNAUTHENTICATED');
    for (const role of [Role.JUDGE, Role.REVIEWER, Role.STUDIO_MANAGER]) {
      expect(errorCode(await t.gql(CREATE, { input }, (await t.user([role])).token))).toBe('FORBIDDEN');
    }
  });

  it('updates the fields given, including moving enterprise, and checks the number there', async () => {
    const w = await createWorker(t, admin, ent.id, { employeeNumber: 'MOVE-1' });
    const other = await createEnterprise(t, admin);
    await createWorker(t, admin, other.id, { employeeNumber: 'MOVE-1' });
    const UPDATE = `mutation($input: UpdateWorkerInput!) { updateWorker(input: $input) { worker { name trade enterprise { id } } userErrors { code field } } }`;
    const clash = ok(await t.gql(UPDATE, { input: { workerId: w.id, enterpriseId: other.id } }, organizer));
    expect(clash.updateWorker.userErrors).toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'employeeNumber'] }]);
    const moved = ok(await t.gql(UPDATE, { input: { workerId: w.id, enterpriseId: other.id, employeeNumber: 'MOVE-2', trade: '钳工' } }, organizer));
    expect(moved.updateWorker.worker).toEqual({ name: w.name, trade: '钳工', enterprise: { id: other.id } });
    const judge = await t.user([Role.JUDGE]);
    expect(errorCode(await t.gql(UPDATE, { input: { workerId: w.id, name: 'x' } }, judge.token))).toBe('FORBIDDEN');
  });
});

describe('honors and skill levels', () => {
  it('grants an honor once per kind, level and year', async () => {
    const w = await createWorker(t, admin, ent.id);
    const input = { workerId: w.id, kind: 'CRAFTSMAN', level: 'CITY', year: 2025, source: '港城大工匠评选' };
    const res = ok(await t.gql(GRANT, { input }, organizer));
    expect(res.grantHonor.honor).toEqual({ kind: 'CRAFTSMAN', level: 'CITY', year: 2025, source: '港城大工匠评选' });
    expect(res.grantHonor.worker.honors.nodes).toEqual([{ kind: 'CRAFTSMAN' }]);
    expect(ok(await t.gql(GRANT, { input }, organizer)).grantHonor.userErrors[0].code).toBe('ALREADY_EXISTS');
    expect(ok(await t.gql(GRANT, { input: { ...input, year: 3000 } }, organizer)).grantHonor.userErrors[0]).toEqual({ code: 'INVALID_INPUT', field: ['input', 'year'] });
    expect(errorCode(await t.gql(GRANT, { input: { ...input, year: 2024 } }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
  });

  it('records skill-level changes as history and refuses a no-op', async () => {
    const w = await createWorker(t, admin, ent.id, { skillLevel: 'INTERMEDIATE' });
    const res = ok(await t.gql(LEVEL, { input: { workerId: w.id, to: 'SENIOR', reason: '职业技能等级认定', source: '市人社局' } }, organizer));
    expect(res.recordSkillLevelChange.worker.skillLevel).toBe('SENIOR');
    expect(res.recordSkillLevelChange.worker.skillLevelHistory).toEqual([
      { from: null, to: 'INTERMEDIATE', reason: '登记时的技能等级 / Skill level at registration', source: null },
      { from: 'INTERMEDIATE', to: 'SENIOR', reason: '职业技能等级认定', source: '市人社局' },
    ]);
    const same = ok(await t.gql(LEVEL, { input: { workerId: w.id, to: 'SENIOR', reason: 'again' } }, organizer));
    expect(same.recordSkillLevelChange.userErrors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'to'] }]);
    expect(errorCode(await t.gql(LEVEL, { input: { workerId: w.id, to: 'TECHNICIAN', reason: 'x' } }))).toBe('UNAUTHENTICATED');
  });
});

describe('workers query', () => {
  it('filters by enterprise, trade, skill level, honor, migrant flag and search', async () => {
    const e = await createEnterprise(t, admin);
    const a = await createWorker(t, admin, e.id, { name: '王晓明', trade: '电工', skillLevel: 'TECHNICIAN', migrantWorker: true });
    const b = await createWorker(t, admin, e.id, { name: '李红', trade: '电工', skillLevel: 'SENIOR', migrantWorker: false });
    await createWorker(t, admin, e.id, { name: '赵刚', trade: '钳工', skillLevel: 'SENIOR' });
    for (const year of [2023, 2024]) await t.gql(GRANT, { input: { workerId: a.id, kind: 'MODEL_WORKER', level: 'CITY', year } }, admin);
    const names = async (filter: string) =>
      ok(await t.gql(`{ workers(filter: { enterpriseId: "${e.id}", ${filter} }) { totalCount nodes { name } } }`, {}, organizer)).workers;
    expect((await names('trade: "电工"')).totalCount).toBe(2);
    expect((await names('skillLevel: SENIOR')).nodes.map((n: any) => n.name).sort()).toEqual(['李红', '赵刚'].sort());
    expect(await names('honor: MODEL_WORKER')).toEqual({ totalCount: 1, nodes: [{ name: '王晓明' }] }); // two honors, listed once
    expect((await names('migrantWorker: true')).nodes).toEqual([{ name: '王晓明' }]);
    expect((await names('search: "李"')).nodes).toEqual([{ name: b.name }]);
  });

  it('is personal data: refused to anonymous viewers and judges; node(id:) hides it from them too', async () => {
    const w = await createWorker(t, admin, ent.id);
    expect(errorCode(await t.gql(`{ workers { totalCount } }`))).toBe('UNAUTHENTICATED');
    const judge = await t.user([Role.JUDGE]);
    expect(errorCode(await t.gql(`{ workers { totalCount } }`, {}, judge.token))).toBe('FORBIDDEN');
    const NODE = `query($id: ID!) { node(id: $id) { id ... on Worker { name } } }`;
    expect(ok(await t.gql(NODE, { id: w.id })).node).toBeNull();
    expect(ok(await t.gql(NODE, { id: w.id }, judge.token)).node).toBeNull();
    expect(ok(await t.gql(NODE, { id: w.id }, organizer)).node).toEqual({ id: w.id, name: w.name });
  });

  it('issues the same number of SQL statements for 10 and for 100 workers with enterprise and honors', async () => {
    const e = await createEnterprise(t, admin);
    const rows = [...Array(100).keys()].map((i) => workerInput(50_000 + i));
    ok(await t.gql(IMPORT, { input: { enterpriseId: e.id, rows } }, admin));
    const list = ok(await t.gql(`{ workers(first: 100, filter: { enterpriseId: "${e.id}" }) { nodes { id } } }`, {}, admin)).workers.nodes;
    for (const w of list.slice(0, 100)) await t.gql(GRANT, { input: { workerId: w.id, kind: 'TECHNICAL_EXPERT', level: 'DISTRICT', year: 2024 } }, admin);
    const q = (n: number) => t.gql(`{ workers(first: ${n}, filter: { enterpriseId: "${e.id}" }) { nodes { name enterprise { name isNonPublic } honors(first: 2) { nodes { kind year } } skillLevelHistory { to } } } }`, {}, admin);
    const ten = await t.countStatements(async () => expect(ok(await q(10)).workers.nodes).toHaveLength(10));
    const hundred = await t.countStatements(async () => {
      const nodes = ok(await q(100)).workers.nodes;
      expect(nodes).toHaveLength(100);
      expect(nodes.every((n: any) => n.honors.nodes.length === 1 && n.enterprise.name)).toBe(true);
    });
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(7);
  });
});

describe('Worker.honors is a connection', () => {
  const HONORS = `query($id: ID!, $after: String, $order: HonorOrder) { worker(id: $id) {
    honors(first: 2, after: $after, orderBy: $order) { totalCount nodes { kind year } pageInfo { hasNextPage endCursor } } } }`;
  const grant = (workerId: string, kind: string, year: number) =>
    t.gql(GRANT, { input: { workerId, kind, level: 'CITY', year } }, admin).then((r) => expect(ok(r).grantHonor.userErrors).toEqual([]));

  it('pages a worker’s honors newest year first by default, the next page through after, and orders either way', async () => {
    const w = await createWorker(t, admin, ent.id, { employeeNumber: 'HON-1' });
    await grant(w.id, 'CRAFTSMAN', 2019);
    await grant(w.id, 'MODEL_WORKER', 2023);
    await grant(w.id, 'TECHNICAL_EXPERT', 2021);
    const first = ok(await t.gql(HONORS, { id: w.id }, admin)).worker.honors;
    expect(first).toMatchObject({ totalCount: 3, nodes: [{ year: 2023 }, { year: 2021 }], pageInfo: { hasNextPage: true } });
    const second = ok(await t.gql(HONORS, { id: w.id, after: first.pageInfo.endCursor }, admin)).worker.honors;
    expect(second).toMatchObject({ totalCount: 3, nodes: [{ kind: 'CRAFTSMAN', year: 2019 }], pageInfo: { hasNextPage: false } });
    const asc = ok(await t.gql(HONORS, { id: w.id, order: { field: 'YEAR', direction: 'ASC' } }, admin)).worker.honors;
    expect(asc.nodes.map((h: any) => h.year)).toEqual([2019, 2021]);
    const ascNext = ok(await t.gql(HONORS, { id: w.id, order: { field: 'YEAR' }, after: asc.pageInfo.endCursor }, admin)).worker.honors;
    expect(ascNext.nodes.map((h: any) => h.year)).toEqual([2023]);
    const recorded = ok(await t.gql(HONORS, { id: w.id, order: { field: 'CREATED_AT', direction: 'DESC' } }, admin)).worker.honors;
    expect(recorded.nodes.map((h: any) => h.kind)).toEqual(['TECHNICAL_EXPERT', 'MODEL_WORKER']);
  });

  it('reads the first pages of many workers’ honors in one statement: 2 workers cost what 5 do', async () => {
    const e = await createEnterprise(t, admin);
    for (let i = 0; i < 5; i++) {
      const w = await createWorker(t, admin, e.id, { employeeNumber: `HB-${i}` });
      for (const year of [2020, 2021, 2022]) await grant(w.id, 'CRAFTSMAN', year);
    }
    const q = (n: number) => t.gql(`{ workers(first: ${n}, filter: { enterpriseId: "${e.id}" }) { nodes { name honors(first: 2) { totalCount nodes { year } pageInfo { hasNextPage } } } } }`, {}, admin);
    let five: any;
    const two = await t.countStatements(async () => expect(ok(await q(2)).workers.nodes).toHaveLength(2));
    const more = await t.countStatements(async () => (five = ok(await q(5)).workers.nodes));
    expect(more).toBe(two);
    expect(five).toHaveLength(5);
    for (const n of five) expect(n.honors).toEqual({ totalCount: 3, nodes: [{ year: 2022 }, { year: 2021 }], pageInfo: { hasNextPage: true } });
  });
});
