import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { toGlobalId } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate } from '../helpers/competition';

/* Chief technicians (企业首席技师): designation for a term, early end, the registry's history; who may. */
const DESIGNATE = `mutation($input: DesignateChiefTechnicianInput!) { designateChiefTechnician(input: $input) {
  chiefTechnician { id termFrom termTo incentive incentiveAmount incentiveNotes endedOn endReason current worker { id } enterprise { id } }
  userErrors { code field message } } }`;
const END = `mutation($input: EndChiefTechnicianTermInput!) { endChiefTechnicianTerm(input: $input) {
  chiefTechnician { id endedOn endReason current } userErrors { code field message } } }`;
const WORKER = `query($id: ID!) { worker(id: $id) { chiefTechnicianDesignations(first: 10) { totalCount nodes { termFrom current } } } }`;
const ENTERPRISE = `query($id: ID!) { enterprise(id: $id) { chiefTechnicians(first: 10) { totalCount nodes { termFrom endedOn worker { id } } } } }`;

const year = new Date().getUTCFullYear();
let t: TestServer;
let admin: string;
let organizer: string;
let ent: { id: string };
let other: { id: string };
let nominator: { globalId: string; token: string };
let strangerNominator: { globalId: string; token: string };
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  organizer = (await t.user([Role.ORGANIZER])).token;
  ent = await createEnterprise(t, admin);
  other = await createEnterprise(t, admin);
  nominator = await t.user([Role.NOMINATOR]);
  strangerNominator = await t.user([Role.NOMINATOR]);
  await mutate(t, admin, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: nominator.globalId, enterpriseId: ent.id }, 'user { id }');
  await mutate(t, admin, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: strangerNominator.globalId, enterpriseId: other.id }, 'user { id }');
});
afterAll(async () => t.close());

const term = (workerId: string, over: Record<string, unknown> = {}) => ({
  workerId, termFrom: `${year}-01-01`, termTo: `${year + 2}-12-31`, incentive: 'ANNUAL_SALARY', incentiveAmount: '120000.5', incentiveNotes: '按年度考核发放', ...over,
});

it('designates a technician for a term, shown on the worker and the enterprise', async () => {
  const w = await createWorker(t, admin, ent.id, { skillLevel: 'TECHNICIAN' });
  const res = ok(await t.gql(DESIGNATE, { input: term(w.id) }, nominator.token)).designateChiefTechnician;
  expect(res.userErrors).toEqual([]);
  expect(res.chiefTechnician).toMatchObject({
    termFrom: `${year}-01-01`, termTo: `${year + 2}-12-31`, incentive: 'ANNUAL_SALARY', incentiveAmount: '120000.50', incentiveNotes: '按年度考核发放',
    endedOn: null, current: true, worker: { id: w.id }, enterprise: { id: ent.id },
  });
  expect(ok(await t.gql(WORKER, { id: w.id }, organizer)).worker.chiefTechnicianDesignations).toEqual({ totalCount: 1, nodes: [{ termFrom: `${year}-01-01`, current: true }] });
  const list = ok(await t.gql(ENTERPRISE, { id: ent.id }, nominator.token)).enterprise.chiefTechnicians;
  expect(list.nodes.map((n: any) => n.worker.id)).toContain(w.id);
  // Not for the public, nor for a nominator of another enterprise.
  expect(ok(await t.gql(ENTERPRISE, { id: ent.id })).enterprise.chiefTechnicians).toBeNull();
  expect(ok(await t.gql(ENTERPRISE, { id: ent.id }, strangerNominator.token)).enterprise.chiefTechnicians).toBeNull();
});

it('refuses a worker below TECHNICIAN, a bad term and an overlapping one, changing nothing', async () => {
  const senior = await createWorker(t, admin, ent.id, { skillLevel: 'SENIOR' });
  const low = ok(await t.gql(DESIGNATE, { input: term(senior.id) }, organizer)).designateChiefTechnician;
  expect(low).toMatchObject({ chiefTechnician: null, userErrors: [{ code: 'NOT_ELIGIBLE', field: ['input', 'workerId'] }] });
  const w = await createWorker(t, admin, ent.id, { skillLevel: 'SENIOR_TECHNICIAN' });
  const backwards = ok(await t.gql(DESIGNATE, { input: term(w.id, { termTo: `${year - 1}-12-31` }) }, organizer)).designateChiefTechnician;
  expect(backwards.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'termTo'] })]);
  const money = ok(await t.gql(DESIGNATE, { input: term(w.id, { incentiveAmount: '12.345' }) }, organizer)).designateChiefTechnician;
  expect(money.userErrors).toEqual([expect.objectContaining({ field: ['input', 'incentiveAmount'] })]);
  const gone = ok(await t.gql(DESIGNATE, { input: term(toGlobalId('Worker', randomUUID())) }, organizer)).designateChiefTechnician;
  expect(gone.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'workerId'] })]);
  ok(await t.gql(DESIGNATE, { input: term(w.id) }, organizer));
  const overlap = ok(await t.gql(DESIGNATE, { input: term(w.id, { termFrom: `${year + 2}-06-01`, termTo: `${year + 4}-05-31` }) }, organizer)).designateChiefTechnician;
  expect(overlap.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'termFrom'] })]);
  // The next term, from the day after, is fine.
  const next = ok(await t.gql(DESIGNATE, { input: term(w.id, { termFrom: `${year + 3}-01-01`, termTo: `${year + 5}-12-31`, incentive: 'EQUITY', incentiveAmount: null }) }, organizer)).designateChiefTechnician;
  expect(next).toMatchObject({ userErrors: [], chiefTechnician: { incentive: 'EQUITY', incentiveAmount: null, current: false } });
  expect(ok(await t.gql(WORKER, { id: w.id }, organizer)).worker.chiefTechnicianDesignations.totalCount).toBe(2);
});

it('ends a term early with a reason, once, within the term; then a new term may follow', async () => {
  const w = await createWorker(t, admin, ent.id, { skillLevel: 'TECHNICIAN' });
  const d = ok(await t.gql(DESIGNATE, { input: term(w.id) }, organizer)).designateChiefTechnician.chiefTechnician;
  const outside = ok(await t.gql(END, { input: { chiefTechnicianId: d.id, endedOn: `${year + 3}-01-01`, reason: '调离' } }, organizer)).endChiefTechnicianTerm;
  expect(outside.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'endedOn'] })]);
  const noReason = ok(await t.gql(END, { input: { chiefTechnicianId: d.id, reason: ' ' } }, organizer)).endChiefTechnicianTerm;
  expect(noReason.userErrors).toEqual([expect.objectContaining({ field: ['input', 'reason'] })]);
  const ended = ok(await t.gql(END, { input: { chiefTechnicianId: d.id, endedOn: `${year}-01-31`, reason: '调离本企业' } }, nominator.token)).endChiefTechnicianTerm;
  expect(ended).toMatchObject({ userErrors: [], chiefTechnician: { endedOn: `${year}-01-31`, endReason: '调离本企业', current: false } });
  const again = ok(await t.gql(END, { input: { chiefTechnicianId: d.id, reason: '再次' } }, organizer)).endChiefTechnicianTerm;
  expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  const after = ok(await t.gql(DESIGNATE, { input: term(w.id, { termFrom: `${year}-02-01` }) }, organizer)).designateChiefTechnician;
  expect(after.userErrors).toEqual([]);
  const gone = ok(await t.gql(END, { input: { chiefTechnicianId: toGlobalId('ChiefTechnician', randomUUID()), reason: 'x' } }, organizer)).endChiefTechnicianTerm;
  expect(gone.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'chiefTechnicianId'] })]);
});

it('lets only ADMIN, ORGANIZER and the enterprise’s own NOMINATOR designate or end', async () => {
  const w = await createWorker(t, admin, ent.id, { skillLevel: 'TECHNICIAN' });
  const input = term(w.id);
  expect(errorCode(await t.gql(DESIGNATE, { input }))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql(DESIGNATE, { input }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(DESIGNATE, { input }, (await t.user([Role.REVIEWER])).token))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(DESIGNATE, { input }, strangerNominator.token))).toBe('FORBIDDEN');
  // A nominator without an enterprise scope acts for no enterprise.
  expect(errorCode(await t.gql(DESIGNATE, { input }, (await t.user([Role.NOMINATOR])).token))).toBe('FORBIDDEN');
  expect(ok(await t.gql(WORKER, { id: w.id }, organizer)).worker.chiefTechnicianDesignations.totalCount).toBe(0);
  const d = ok(await t.gql(DESIGNATE, { input }, admin)).designateChiefTechnician.chiefTechnician;
  const end = { chiefTechnicianId: d.id, reason: '退休' };
  expect(errorCode(await t.gql(END, { input: end }))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql(END, { input: end }, strangerNominator.token))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(END, { input: end }, (await t.user([Role.INSPECTOR])).token))).toBe('FORBIDDEN');
  expect(ok(await t.gql(END, { input: end }, organizer)).endChiefTechnicianTerm.userErrors).toEqual([]);
});

it('says why in the reader’s language', async () => {
  const senior = await createWorker(t, admin, ent.id, { skillLevel: 'SENIOR' });
  const zh = ok(await t.gql(DESIGNATE, { input: term(senior.id) }, organizer)).designateChiefTechnician.userErrors[0].message;
  expect(zh).toContain('技师');
  const en = ok(await t.gql(DESIGNATE, { input: term(senior.id) }, organizer, { locale: 'en' })).designateChiefTechnician.userErrors[0].message;
  expect(en).toBe('A chief technician must hold at least TECHNICIAN; the worker is at Senior worker');
  const other = await createWorker(t, admin, ent.id, { skillLevel: 'TECHNICIAN' });
  const refused = await t.gql(DESIGNATE, { input: term(other.id) }, strangerNominator.token, { locale: 'en' });
  expect(refused.errors?.[0]?.message).toMatch(/own enterprise/);
});
