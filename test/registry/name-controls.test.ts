import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker, workerInput } from '../helpers/registry';
import { setupStudio, type StudioFixture } from '../helpers/studio';
import { methodUnderReview, methodWorld, type MethodWorld } from '../methods/fixture';

/**
 * Every name and title input refuses control characters (one shared check, InputCheck.name): a
 * userError on that field, per module family. The other fields are valid, or IDs that would only be
 * looked up after the input check, so the name alone decides.
 */
let t: TestServer;
let token: string;
let studio: StudioFixture;
let methods: MethodWorld;
let methodId: string;
let ent: { id: string };
let worker: { id: string };
const gid = (type: string) => Buffer.from(`${type}:${randomUUID()}`).toString('base64url');
let n = 0;

beforeAll(async () => {
  t = await startTestServer();
  const me = await t.user([Role.ADMIN, Role.ORGANIZER, Role.STUDIO_MANAGER, Role.REVIEWER]);
  token = me.token;
  ent = await createEnterprise(t, token);
  worker = await createWorker(t, token, ent.id);
  // These check their input after finding the studio or method, so they get real ones.
  studio = await setupStudio(t, { manager: me, admin: me, members: 1 });
  methods = await methodWorld(t);
  methodId = await methodUnderReview(t, methods);
});
afterAll(async () => t.close());

const day = (d: number) => new Date(Date.UTC(2030, 0, d)).toISOString();
type Case = [family: string, mutation: string, inputType: string, input: (name: string) => Record<string, unknown>, field: string[], who?: () => string];
const cases: Case[] = [
  ['workers', 'createWorker', 'CreateWorkerInput', (name) => ({ ...workerInput(++n, { name }), enterpriseId: ent.id }), ['input', 'name']],
  ['workers', 'updateWorker', 'UpdateWorkerInput', (name) => ({ workerId: worker.id, name }), ['input', 'name']],
  ['workers', 'importWorkers', 'ImportWorkersInput', (name) => ({ enterpriseId: ent.id, rows: [workerInput(++n, { name })] }), ['input', 'rows', '0', 'name']],
  ['enterprises', 'createEnterprise', 'CreateEnterpriseInput', (name) => ({ name, creditCode: '91350200MA2Y0C4L7B', ownership: 'PRIVATE', size: 'SMALL', industry: '制造业', district: '思明区' }), ['input', 'name']],
  ['users', 'createUser', 'CreateUserInput', (displayName) => ({ displayName, email: `u${++n}@example.com`, password: 'a-long-password-1', roles: ['JUDGE'] }), ['input', 'displayName']],
  ['competitions', 'createCompetition', 'CreateCompetitionInput', (title) => ({ title, trade: '焊工', kind: 'TECHNICAL_CONTEST', level: 'CITY', startsAt: day(1), endsAt: day(2) }), ['input', 'title']],
  ['stages', 'addStage', 'AddStageInput', (name) => ({ competitionId: gid('Competition'), name, weight: 50 }), ['input', 'name']],
  ['criteria', 'addCriterion', 'AddCriterionInput', (name) => ({ stageId: gid('Stage'), name, kind: 'JUDGEMENT', maxScore: 10 }), ['input', 'name']],
  ['entries', 'registerEntry', 'RegisterEntryInput', (teamName) => ({ competitionId: gid('Competition'), workerIds: [worker.id], teamName }), ['input', 'teamName']],
  ['studios', 'applyForStudio', 'ApplyForStudioInput', (name) => ({ name, enterpriseId: ent.id, kind: 'WORKER_INNOVATION', level: 'CITY', leaderWorkerId: worker.id }), ['input', 'name']],
  ['studios', 'updateStudio', 'UpdateStudioInput', (name) => ({ studioId: studio.studioId, name }), ['input', 'name']],
  ['innovations', 'registerInnovation', 'RegisterInnovationInput', (title) => ({ studioId: studio.studioId, title, category: 'PROCESS_IMPROVEMENT', inventorWorkerIds: studio.memberWorkerIds }), ['input', 'title']],
  ['methods', 'submitOperatingMethod', 'SubmitOperatingMethodInput', (proposedName) => ({ proposedName, trade: '焊工', summary: '要点', expectedBenefit: '提效', steps: ['一'], inventorWorkerIds: [worker.id] }), ['input', 'proposedName']],
  ['methods', 'nameOperatingMethod', 'NameOperatingMethodInput', (name) => ({ methodId, officialName: `${methods.lead.name}${name}操作法` }), ['input', 'officialName'], () => methods.admin.token],
  ['incubation', 'createIncubationProject', 'CreateIncubationProjectInput', (title) => ({ title, summary: '概述', field: '智能制造', leadWorkerId: worker.id }), ['input', 'title']],
  ['incubation', 'addProjectPartner', 'AddProjectPartnerInput', (name) => ({ projectId: gid('IncubationProject'), name, kind: 'COLLEGE', contribution: '实验室' }), ['input', 'name']],
  ['incubation', 'addMilestone', 'AddMilestoneInput', (title) => ({ projectId: gid('IncubationProject'), title }), ['input', 'title']],
  ['exhibitions', 'createExhibition', 'CreateExhibitionInput', (title) => ({ title, venue: '会展中心', startsAt: day(1), endsAt: day(2) }), ['input', 'title']],
  ['alliances', 'createAlliance', 'CreateAllianceInput', (name) => ({ name, scope: 'REGIONAL', region: '湖里区' }), ['input', 'name']],
];

// Tab and line feed (Cc, the reported case), NEL (C1), the line separator, a right-to-left override, an isolate.
const BAD = ['张\t三', '张\n三', '张\u0085三', '张\u2028三', '张\u202e三', '张\u2067三'];

async function fieldErrors(mutation: string, inputType: string, input: Record<string, unknown>, field: string[], as = token) {
  const res = ok(await t.gql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { userErrors { code field message } } }`, { input }, as));
  return (res[mutation].userErrors as { code: string; field: string[]; message: string }[]).filter((u) => u.field?.join('.') === field.join('.'));
}

describe.each(cases)('%s: %s', (_family, mutation, inputType, input, field, who) => {
  it.each(BAD.map((s) => [JSON.stringify(s), s]))('refuses %s in the name', async (_label, bad) => {
    expect(await fieldErrors(mutation, inputType, input(bad), field, who?.())).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/须为一行文字，不能含控制字符/) }),
    ]);
  });

  it('accepts a plain name (the check is about the characters)', async () => {
    expect(await fieldErrors(mutation, inputType, input('张 三'), field, who?.())).toEqual([]);
  });
});
