import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';

const APPOINT = `mutation($input: AppointOfficialInput!) { appointOfficial(input: $input) { official { id duty reason removedAt user { id } enterprise { id } } userErrors { code field message } } }`;
const RELIEVE = `mutation($input: RelieveOfficialInput!) { relieveOfficial(input: $input) { official { id removedAt removedReason } userErrors { code field message } } }`;
const ASSIGN = `mutation($input: AssignJudgeInput!) { assignJudge(input: $input) { assignment { id } userErrors { code field message } } }`;
const OFFICIALS = `query($id: ID!, $duty: OfficialDuty) { competition(id: $id) { officials(duty: $duty, first: 20) { totalCount nodes { id duty removedAt user { id } } } } }`;
const MY_DUTIES = `query($id: ID!) { competition(id: $id) { myDuties } }`;

let t: TestServer;
let f: CompetitionFixture;
let draft: CompetitionFixture;
beforeAll(async () => {
  t = await startTestServer();
  f = await setupCompetition(t, { entries: 2, judges: 3 });
  draft = await setupCompetition(t, { entries: 0, judges: 1, until: 'DRAFT', organizer: f.organizer });
});
afterAll(async () => t.close());

const appoint = async (input: Record<string, unknown>, token = f.organizer.token) => ok(await t.gql(APPOINT, { input }, token)).appointOfficial;

describe('competition officials (加密裁判, 监督仲裁, 领队)', () => {
  it('names an encryption officer once; naming them again returns the same appointment; a second officer is refused until the first is relieved', async () => {
    const officer = await t.user([Role.JUDGE]);
    const first = await appoint({ competitionId: draft.competitionId, userId: officer.globalId, duty: 'ENCRYPTION_OFFICER' });
    expect(first.userErrors).toEqual([]);
    const again = await appoint({ competitionId: draft.competitionId, userId: officer.globalId, duty: 'ENCRYPTION_OFFICER' });
    expect(again.official.id).toBe(first.official.id);

    const other = await t.user([Role.JUDGE]);
    const refused = await appoint({ competitionId: draft.competitionId, userId: other.globalId, duty: 'ENCRYPTION_OFFICER' });
    expect(refused.official).toBeNull();
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'duty'] })]);
    expect(refused.userErrors[0].message).toBe('本竞赛已有加密裁判，请先撤换');
    const inEnglish = ok(await t.gql(APPOINT, { input: { competitionId: draft.competitionId, userId: other.globalId, duty: 'ENCRYPTION_OFFICER' } }, f.organizer.token, { locale: 'en' })).appointOfficial;
    expect(inEnglish.userErrors[0].message).toBe('The competition already has an encryption officer; relieve them first');

    const relieved = ok(await t.gql(RELIEVE, { input: { competitionId: draft.competitionId, userId: officer.globalId, duty: 'ENCRYPTION_OFFICER' } }, f.organizer.token)).relieveOfficial;
    expect(relieved.official.removedAt).not.toBeNull();
    expect((await appoint({ competitionId: draft.competitionId, userId: other.globalId, duty: 'ENCRYPTION_OFFICER' })).userErrors).toEqual([]);
    const list = ok(await t.gql(OFFICIALS, { id: draft.competitionId, duty: 'ENCRYPTION_OFFICER' }, f.organizer.token)).competition.officials;
    expect(list.nodes.map((n: { user: { id: string }; removedAt: string | null }) => [n.user.id, n.removedAt !== null])).toEqual([[officer.globalId, true], [other.globalId, false]]);
  });

  it('keeps the encryption officer and the panel apart, both ways', async () => {
    const judge = f.judges[1]!;
    const asOfficer = await appoint({ competitionId: f.competitionId, userId: judge.globalId, duty: 'ENCRYPTION_OFFICER', reason: '赛前指定' });
    expect(asOfficer.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', field: ['input', 'userId'] })]);

    const officer = await t.user([Role.JUDGE]);
    expect((await appoint({ competitionId: f.competitionId, userId: officer.globalId, duty: 'ENCRYPTION_OFFICER', reason: '赛前指定' })).userErrors).toEqual([]);
    const assign = ok(await t.gql(ASSIGN, { input: { competitionId: f.competitionId, userId: officer.globalId, stageIds: [f.stages[0]!.id], reason: '补充裁判' } }, f.organizer.token)).assignJudge;
    expect(assign.assignment).toBeNull();
    expect(assign.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', field: ['input', 'userId'] })]);
    expect(ok(await t.gql(MY_DUTIES, { id: f.competitionId }, officer.token)).competition.myDuties).toEqual(['ENCRYPTION_OFFICER']);
  });

  it('names team leaders per enterprise and arbitrators; checks what each duty needs', async () => {
    const leader = await t.user([Role.ORGANIZER]);
    const enterpriseId = f.entries[0]!.enterpriseId;
    expect((await appoint({ competitionId: f.competitionId, userId: leader.globalId, duty: 'TEAM_LEADER', reason: 'x' })).userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'enterpriseId'] })]);
    const named = await appoint({ competitionId: f.competitionId, userId: leader.globalId, duty: 'TEAM_LEADER', enterpriseId, reason: '企业领队' });
    expect(named.official.enterprise.id).toBe(enterpriseId);
    const second = await t.user([Role.ORGANIZER]);
    expect((await appoint({ competitionId: f.competitionId, userId: second.globalId, duty: 'TEAM_LEADER', enterpriseId, reason: 'x' })).userErrors)
      .toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'enterpriseId'] })]);

    const arbitrator = await t.user([Role.JUDGE]);
    expect((await appoint({ competitionId: f.competitionId, userId: arbitrator.globalId, duty: 'ARBITRATOR', enterpriseId, reason: 'x' })).userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'enterpriseId'] })]);
    expect((await appoint({ competitionId: f.competitionId, userId: arbitrator.globalId, duty: 'ARBITRATOR' })).userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
    expect((await appoint({ competitionId: f.competitionId, userId: arbitrator.globalId, duty: 'ARBITRATOR', reason: '仲裁组成员' })).userErrors).toEqual([]);
    const arbitrators = ok(await t.gql(OFFICIALS, { id: f.competitionId, duty: 'ARBITRATOR' }, f.judges[0]!.token)).competition.officials;
    expect(arbitrators.nodes.map((n: { user: { id: string } }) => n.user.id)).toEqual([arbitrator.globalId]);
  });

  it('lets only the competition’s own organizer name officials, and only its jury list them', async () => {
    const someone = await t.user([Role.JUDGE]);
    const input = { competitionId: draft.competitionId, userId: someone.globalId, duty: 'ARBITRATOR' };
    const stranger = await t.user([Role.ORGANIZER]);
    expect(errorCode(await t.gql(APPOINT, { input }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(APPOINT, { input }, f.judges[0]!.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(APPOINT, { input }, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(OFFICIALS, { id: f.competitionId }, f.judges[1]!.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(OFFICIALS, { id: f.competitionId }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(OFFICIALS, { id: f.competitionId }, null))).toBe('FORBIDDEN');
    expect(ok(await t.gql(OFFICIALS, { id: draft.competitionId, duty: 'ARBITRATOR' }, f.organizer.token)).competition.officials.totalCount).toBe(0);
    expect(ok(await t.gql(MY_DUTIES, { id: f.competitionId }, null)).competition.myDuties).toEqual([]);
  });

  it('relieves only an official who holds the duty, and only at the hand of the competition’s own organizer', async () => {
    const arbitrator = await t.user([Role.JUDGE]);
    expect((await appoint({ competitionId: draft.competitionId, userId: arbitrator.globalId, duty: 'ARBITRATOR' })).userErrors).toEqual([]);
    const input = { competitionId: draft.competitionId, userId: arbitrator.globalId, duty: 'ARBITRATOR' };
    const stranger = await t.user([Role.ORGANIZER]);
    expect(errorCode(await t.gql(RELIEVE, { input }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RELIEVE, { input }, f.judges[0]!.token))).toBe('FORBIDDEN');
    const notHeld = ok(await t.gql(RELIEVE, { input: { ...input, duty: 'TEAM_LEADER' } }, f.organizer.token)).relieveOfficial;
    expect(notHeld).toMatchObject({ official: null, userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'userId'] })] });
    // Nothing changed: the arbitrator still holds the duty.
    const list = ok(await t.gql(OFFICIALS, { id: draft.competitionId, duty: 'ARBITRATOR' }, f.organizer.token)).competition.officials;
    expect(list.nodes.filter((n: { user: { id: string }; removedAt: string | null }) => n.user.id === arbitrator.globalId && !n.removedAt)).toHaveLength(1);
  });
});
