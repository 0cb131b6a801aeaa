import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { toGlobalId } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise } from '../helpers/registry';
import { mutate } from '../helpers/competition';

/* Skill allowance standards (技能津贴标准): yuan per month per level from a date on, history kept. */
const RECORD = `mutation($input: RecordSkillAllowanceStandardInput!) { recordSkillAllowanceStandard(input: $input) {
  standard { id effectiveFrom rates { level yuanPerMonth } } userErrors { code field message } } }`;
const READ = `query($id: ID!) { enterprise(id: $id) {
  skillAllowanceStandard { effectiveFrom rates { level yuanPerMonth } }
  skillAllowanceStandards(first: 10) { totalCount nodes { effectiveFrom } } } }`;

const year = new Date().getUTCFullYear();
let t: TestServer;
let admin: string;
let ent: { id: string };
let nominator: { globalId: string; token: string };
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  ent = await createEnterprise(t, admin);
  nominator = await t.user([Role.NOMINATOR]);
  await mutate(t, admin, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: nominator.globalId, enterpriseId: ent.id }, 'user { id }');
});
afterAll(async () => t.close());

it('records standards with exact amounts; the one in force is the latest effective by today, and all stay as history', async () => {
  const first = ok(await t.gql(RECORD, { input: { enterpriseId: ent.id, effectiveFrom: `${year - 1}-01-01`, rates: [
    { level: 'SENIOR_TECHNICIAN', yuanPerMonth: '1000' }, { level: 'JUNIOR', yuanPerMonth: '100.1' },
  ] } }, nominator.token)).recordSkillAllowanceStandard;
  expect(first).toMatchObject({ userErrors: [], standard: { effectiveFrom: `${year - 1}-01-01`, rates: [
    { level: 'JUNIOR', yuanPerMonth: '100.10' }, { level: 'SENIOR_TECHNICIAN', yuanPerMonth: '1000.00' },
  ] } });
  ok(await t.gql(RECORD, { input: { enterpriseId: ent.id, effectiveFrom: `${year}-01-01`, rates: [{ level: 'JUNIOR', yuanPerMonth: '120.00' }] } }, admin));
  ok(await t.gql(RECORD, { input: { enterpriseId: ent.id, effectiveFrom: `${year + 1}-01-01`, rates: [{ level: 'JUNIOR', yuanPerMonth: '150.00' }] } }, admin));
  const read = ok(await t.gql(READ, { id: ent.id })).enterprise;
  expect(read.skillAllowanceStandard).toEqual({ effectiveFrom: `${year}-01-01`, rates: [{ level: 'JUNIOR', yuanPerMonth: '120.00' }] });
  expect(read.skillAllowanceStandards).toEqual({ totalCount: 3, nodes: [{ effectiveFrom: `${year + 1}-01-01` }, { effectiveFrom: `${year}-01-01` }, { effectiveFrom: `${year - 1}-01-01` }] });
});

it('refuses bad rates, a repeated level, no rates and a second standard on the same day', async () => {
  const bad = ok(await t.gql(RECORD, { input: { enterpriseId: ent.id, effectiveFrom: '2020-01-01', rates: [
    { level: 'JUNIOR', yuanPerMonth: '1.234' }, { level: 'SENIOR', yuanPerMonth: '123456789' }, { level: 'TECHNICIAN', yuanPerMonth: '5' }, { level: 'TECHNICIAN', yuanPerMonth: '6' },
  ] } }, admin)).recordSkillAllowanceStandard;
  expect(bad.standard).toBeNull();
  expect(bad.userErrors.map((e: any) => e.field)).toEqual([
    ['input', 'rates', '0', 'yuanPerMonth'], ['input', 'rates', '1', 'yuanPerMonth'], ['input', 'rates', '3', 'level'],
  ]);
  const none = ok(await t.gql(RECORD, { input: { enterpriseId: ent.id, effectiveFrom: '2020-01-01', rates: [] } }, admin)).recordSkillAllowanceStandard;
  expect(none.userErrors).toEqual([expect.objectContaining({ field: ['input', 'rates'] })]);
  const badDate = ok(await t.gql(RECORD, { input: { enterpriseId: ent.id, effectiveFrom: '2020-02-30', rates: [{ level: 'JUNIOR', yuanPerMonth: '1' }] } }, admin)).recordSkillAllowanceStandard;
  expect(badDate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'effectiveFrom'] })]);
  const twice = ok(await t.gql(RECORD, { input: { enterpriseId: ent.id, effectiveFrom: `${year}-01-01`, rates: [{ level: 'JUNIOR', yuanPerMonth: '1' }] } }, admin)).recordSkillAllowanceStandard;
  expect(twice.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'effectiveFrom'] })]);
  const gone = ok(await t.gql(RECORD, { input: { enterpriseId: toGlobalId('Enterprise', randomUUID()), effectiveFrom: '2020-01-01', rates: [{ level: 'JUNIOR', yuanPerMonth: '1' }] } }, admin)).recordSkillAllowanceStandard;
  expect(gone.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'enterpriseId'] })]);
  expect(ok(await t.gql(READ, { id: ent.id })).enterprise.skillAllowanceStandards.totalCount).toBe(3);
});

it('lets only ADMIN, ORGANIZER and the enterprise’s own NOMINATOR record one', async () => {
  const input = { enterpriseId: ent.id, effectiveFrom: '2019-01-01', rates: [{ level: 'JUNIOR', yuanPerMonth: '1' }] };
  expect(errorCode(await t.gql(RECORD, { input }))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql(RECORD, { input }, (await t.user([Role.STUDIO_MANAGER])).token))).toBe('FORBIDDEN');
  const stranger = await t.user([Role.NOMINATOR]);
  await mutate(t, admin, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: stranger.globalId, enterpriseId: (await createEnterprise(t, admin)).id }, 'user { id }');
  expect(errorCode(await t.gql(RECORD, { input }, stranger.token))).toBe('FORBIDDEN');
  expect(ok(await t.gql(READ, { id: ent.id })).enterprise.skillAllowanceStandards.totalCount).toBe(3);
  const byOrganizer = ok(await t.gql(RECORD, { input }, (await t.user([Role.ORGANIZER])).token)).recordSkillAllowanceStandard;
  expect(byOrganizer.userErrors).toEqual([]);
});
