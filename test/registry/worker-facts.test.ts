import { Role } from '../../src/auth/role';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, workerInput } from '../helpers/registry';

/* Issue 15 §0: front-line flag (一线职工), year started in the trade, education — on create, update and import. */
const FIELDS = 'id frontLine tradeStartYear education birthYear';
const CREATE = `mutation($input: CreateWorkerInput!) { createWorker(input: $input) { worker { ${FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateWorkerInput!) { updateWorker(input: $input) { worker { ${FIELDS} } userErrors { code field message } } }`;
const IMPORT = `mutation($input: ImportWorkersInput!) { importWorkers(input: $input) { results { outcome worker { ${FIELDS} } } userErrors { code field message } } }`;
const LIST = `query($filter: WorkerFilter) { workers(filter: $filter, first: 100) { nodes { employeeNumber } } }`;

let t: TestServer;
let organizer: string;
let ent: { id: string };
beforeAll(async () => {
  t = await startTestServer();
  organizer = (await t.user([Role.ORGANIZER])).token;
  ent = await createEnterprise(t, organizer);
});
afterAll(async () => t.close());

it('records the three facts, defaulting to not front-line and unknown', async () => {
  const plain = ok(await t.gql(CREATE, { input: { ...workerInput(1), enterpriseId: ent.id } }, organizer)).createWorker;
  expect(plain).toMatchObject({ userErrors: [], worker: { frontLine: false, tradeStartYear: null, education: null } });
  const full = ok(await t.gql(CREATE, {
    input: { ...workerInput(2, { birthYear: 1985 }), frontLine: true, tradeStartYear: 2003, education: 'SECONDARY_VOCATIONAL', enterpriseId: ent.id },
  }, organizer)).createWorker;
  expect(full).toMatchObject({ userErrors: [], worker: { frontLine: true, tradeStartYear: 2003, education: 'SECONDARY_VOCATIONAL' } });
  const frontLine = ok(await t.gql(LIST, { filter: { enterpriseId: ent.id, frontLine: true } }, organizer)).workers.nodes;
  expect(frontLine).toEqual([{ employeeNumber: 'E2' }]);
});

it('refuses a start year before birthYear + 14 or after this year', async () => {
  const thisYear = new Date().getUTCFullYear();
  const early = ok(await t.gql(CREATE, { input: { ...workerInput(3, { birthYear: 1990 }), tradeStartYear: 2003, enterpriseId: ent.id } }, organizer)).createWorker;
  expect(early.worker).toBeNull();
  expect(early.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'tradeStartYear'] })]);
  expect(early.userErrors[0].message).toContain('2004');
  const future = ok(await t.gql(CREATE, { input: { ...workerInput(4), tradeStartYear: thisYear + 1, enterpriseId: ent.id } }, organizer)).createWorker;
  expect(future.userErrors).toEqual([expect.objectContaining({ field: ['input', 'tradeStartYear'] })]);
});

it('updates them, checking the start year against the stored birth year', async () => {
  const w = ok(await t.gql(CREATE, { input: { ...workerInput(5, { birthYear: 1980 }), enterpriseId: ent.id } }, organizer)).createWorker.worker;
  const set = ok(await t.gql(UPDATE, { input: { workerId: w.id, frontLine: true, tradeStartYear: 1998, education: 'BACHELOR' } }, organizer)).updateWorker;
  expect(set).toMatchObject({ userErrors: [], worker: { frontLine: true, tradeStartYear: 1998, education: 'BACHELOR' } });
  const tooEarly = ok(await t.gql(UPDATE, { input: { workerId: w.id, tradeStartYear: 1993 } }, organizer)).updateWorker;
  expect(tooEarly.userErrors).toEqual([expect.objectContaining({ field: ['input', 'tradeStartYear'] })]);
  // Moving the birth year past the stored start year is refused too.
  const olderStart = ok(await t.gql(UPDATE, { input: { workerId: w.id, birthYear: 1990 } }, organizer)).updateWorker;
  expect(olderStart.userErrors).toEqual([expect.objectContaining({ field: ['input', 'tradeStartYear'] })]);
  const after = ok(await t.gql(UPDATE, { input: { workerId: w.id, name: '改名' } }, organizer)).updateWorker;
  expect(after.worker).toMatchObject({ frontLine: true, tradeStartYear: 1998, education: 'BACHELOR', birthYear: 1980 });
});

it('imports them, and a re-import updates them', async () => {
  const other = await createEnterprise(t, organizer);
  const row = workerInput(6, { birthYear: 1988, skillLevel: null });
  const first = ok(await t.gql(IMPORT, { input: { enterpriseId: other.id, rows: [{ ...row, frontLine: true, tradeStartYear: 2008, education: 'JUNIOR_COLLEGE' }] } }, organizer)).importWorkers;
  expect(first).toMatchObject({ userErrors: [], results: [{ outcome: 'CREATED', worker: { frontLine: true, tradeStartYear: 2008, education: 'JUNIOR_COLLEGE' } }] });
  const same = ok(await t.gql(IMPORT, { input: { enterpriseId: other.id, rows: [{ ...row, frontLine: true, tradeStartYear: 2008, education: 'JUNIOR_COLLEGE' }] } }, organizer)).importWorkers;
  expect(same.results[0].outcome).toBe('UNCHANGED');
  const changed = ok(await t.gql(IMPORT, { input: { enterpriseId: other.id, rows: [{ ...row, tradeStartYear: 2010, education: 'BACHELOR' }] } }, organizer)).importWorkers;
  expect(changed).toMatchObject({ userErrors: [], results: [{ outcome: 'UPDATED', worker: { frontLine: false, tradeStartYear: 2010, education: 'BACHELOR' } }] });
  const bad = ok(await t.gql(IMPORT, { input: { enterpriseId: other.id, rows: [{ ...row, tradeStartYear: 1990 }] } }, organizer)).importWorkers;
  expect(bad.userErrors).toEqual([expect.objectContaining({ field: ['input', 'rows', '0', 'tradeStartYear'] })]);
});
