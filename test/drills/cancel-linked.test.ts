import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { createDrill, seedBank } from './taking-fixture';

/*
 * cancelDrill while a competition's theory stage is linked to the drill (docs/drills.md): refused with
 * INVALID_STATE naming the competition and the stage, the drill left as it was; once the stage is
 * unlinked (unlinkStageFromDrill) the drill is cancelled as any other.
 */
const LINK = `mutation($input: LinkStageToDrillInput!) { linkStageToDrill(input: $input) { stageDrill { id } userErrors { code field message } } }`;
const UNLINK = `mutation($input: StageDrillStageInput!) { unlinkStageFromDrill(input: $input) { stage { id } userErrors { code field message } } }`;
const CANCEL = `mutation($input: DrillIdInput!) { cancelDrill(input: $input) { drill { id status phase } userErrors { code field message } } }`;
const DRILL = `query($id: ID!) { drill(id: $id) { status } }`;

let t: TestServer;
let organizer: { id: string; globalId: string; token: string };
let f: CompetitionFixture;
let g: CompetitionFixture;

beforeAll(async () => {
  t = await startTestServer();
  organizer = await t.user([Role.ORGANIZER]);
  // Fills are not what this is about.
  await t.server.app.theoryFiller!.stop();
  const stages = [{ name: '理论考试', weight: 40, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] }, { name: '实操', weight: 60, criteria: [{ kind: 'JUDGEMENT' as const, maxScore: 100 }] }];
  f = await setupCompetition(t, { organizer, entries: 1, judges: 1, title: '港城电焊工技能大赛', stages });
  g = await setupCompetition(t, { organizer, entries: 1, judges: 1, title: '海沧焊工比武', stages });
  await seedBank(t, organizer.id);
}, 120_000);
afterAll(async () => t.close());

const cancel = async (drillId: string, locale?: string) => ok(await t.gql(CANCEL, { input: { drillId } }, organizer.token, locale ? { locale } : undefined)).cancelDrill;
const statusOf = async (drillId: string) => ok(await t.gql(DRILL, { id: drillId }, organizer.token)).drill.status;

it('is refused while a theory stage is linked, naming each competition and stage; after unlinking, the drill is cancelled', async () => {
  const drill = await createDrill(t, { organizerUserId: organizer.id });
  for (const c of [f, g]) expect(ok(await t.gql(LINK, { input: { stageId: c.stages[0]!.id, drillId: drill.id } }, organizer.token)).linkStageToDrill.userErrors).toEqual([]);

  const refused = await cancel(drill.id);
  expect(refused.drill).toBeNull();
  expect(refused.userErrors).toHaveLength(2);
  for (const e of refused.userErrors) expect(e).toMatchObject({ code: 'INVALID_STATE', field: ['input', 'drillId'] });
  const messages = refused.userErrors.map((e: { message: string }) => e.message);
  expect(messages).toEqual(expect.arrayContaining([
    expect.stringContaining('《海沧焊工比武》赛段“理论考试”'), expect.stringContaining('《港城电焊工技能大赛》赛段“理论考试”'),
  ]));
  for (const message of messages) expect(message).toContain('unlinkStageFromDrill');
  const english = (await cancel(drill.id, 'en')).userErrors.map((e: { message: string }) => e.message);
  expect(english).toContainEqual(expect.stringMatching(/the stage “理论考试” of the competition “港城电焊工技能大赛”.*unlink the stage from it first/));
  // Nothing changed: still published.
  expect(await statusOf(drill.id)).toBe('PUBLISHED');

  // One link left: still refused, naming only that one.
  expect(ok(await t.gql(UNLINK, { input: { stageId: g.stages[0]!.id } }, organizer.token)).unlinkStageFromDrill.userErrors).toEqual([]);
  const still = await cancel(drill.id);
  expect(still.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('港城电焊工技能大赛') })]);

  expect(ok(await t.gql(UNLINK, { input: { stageId: f.stages[0]!.id } }, organizer.token)).unlinkStageFromDrill.userErrors).toEqual([]);
  expect(await cancel(drill.id)).toEqual({ drill: { id: drill.id, status: 'CANCELLED', phase: 'CLOSED' }, userErrors: [] });
}, 60_000);

it('refuses a stranger before it says anything about links (FORBIDDEN), and a drill without links is cancelled as before', async () => {
  const drill = await createDrill(t, { organizerUserId: organizer.id });
  expect(ok(await t.gql(LINK, { input: { stageId: f.stages[0]!.id, drillId: drill.id } }, organizer.token)).linkStageToDrill.userErrors).toEqual([]);
  const stranger = await t.user([Role.ORGANIZER]);
  expect(errorCode(await t.gql(CANCEL, { input: { drillId: drill.id } }, stranger.token))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(CANCEL, { input: { drillId: drill.id } }))).toBe('UNAUTHENTICATED');
  expect(await statusOf(drill.id)).toBe('PUBLISHED');
  const free = await createDrill(t, { organizerUserId: organizer.id });
  expect((await cancel(free.id)).userErrors).toEqual([]);
}, 60_000);
