import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise } from '../helpers/registry';
import { setupCompetition } from '../helpers/competition';

const FIELDS = `id title description kind level trade status aggregation teamSize honorTopN promotionTopM registrationDeadline startsAt endsAt
  prizeTiers { prize count share } hostEnterprise { id } organizerName viewerIsOwner
  eligibility { trades minSkillLevel maxSkillLevel enterprises { id } }`;
const CREATE = `mutation($input: CreateCompetitionInput!) { createCompetition(input: $input) { competition { ${FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateCompetitionInput!) { updateCompetition(input: $input) { competition { ${FIELDS} } userErrors { code field message } } }`;
const GET = `query($id: ID!) { competition(id: $id) { ${FIELDS} } }`;

let t: TestServer;
let organizer: { id: string; token: string; globalId: string };
let other: { token: string };
let admin: { token: string };
let host: { id: string };
beforeAll(async () => {
  t = await startTestServer();
  organizer = await t.user([Role.ORGANIZER], { email: 'wang.organizer@example.com' });
  other = await t.user([Role.ORGANIZER]);
  admin = await t.user([Role.ADMIN]);
  host = await createEnterprise(t, admin.token);
});
afterAll(async () => t.close());

const base = () => ({
  title: '2026年港城焊工职业技能大赛', description: '市级一类大赛', kind: 'SKILLS_COMPETITION', level: 'CITY', trade: '焊工',
  // Far ahead: a registration deadline must be in the future.
  registrationDeadline: '2099-04-20T00:00:00.000Z', startsAt: '2099-05-10T00:00:00.000Z', endsAt: '2099-05-12T00:00:00.000Z',
});

async function create(token: string, over: Record<string, unknown> = {}) {
  return ok(await t.gql(CREATE, { input: { ...base(), ...over } }, token)).createCompetition;
}

describe('createCompetition', () => {
  it('creates a DRAFT owned by its organizer, with rules, eligibility and prize tiers', async () => {
    const ent = await createEnterprise(t, admin.token);
    const res = await create(organizer.token, {
      hostEnterpriseId: host.id, aggregation: 'TRIMMED_MEAN', teamSize: 2, honorTopN: 3, promotionTopM: 2,
      eligibility: { trades: ['焊工', '电焊工', '焊工'], minSkillLevel: 'INTERMEDIATE', maxSkillLevel: 'TECHNICIAN', enterpriseIds: [ent.id] },
      prizeTiers: [{ prize: 'FIRST', share: 0.1 }, { prize: 'SECOND', share: 0.2 }, { prize: 'THIRD', share: 0.3 }, { prize: 'EXCELLENCE', count: 5 }],
    });
    expect(res.userErrors).toEqual([]);
    expect(res.competition).toMatchObject({
      ...base(), status: 'DRAFT', aggregation: 'TRIMMED_MEAN', teamSize: 2, honorTopN: 3, promotionTopM: 2,
      hostEnterprise: { id: host.id }, organizerName: 'wang.organizer', viewerIsOwner: true,
      eligibility: { trades: ['焊工', '电焊工'], minSkillLevel: 'INTERMEDIATE', maxSkillLevel: 'TECHNICIAN', enterprises: [{ id: ent.id }] },
    });
    expect(res.competition.prizeTiers[0]).toEqual({ prize: 'FIRST', count: null, share: 0.1 });
    expect(res.competition.prizeTiers[3]).toEqual({ prize: 'EXCELLENCE', count: 5, share: null });
  });

  it('defaults to an individual, MEAN competition open to its own trade; the public reads it without the owner’s account', async () => {
    const { competition } = await create(organizer.token);
    expect(competition).toMatchObject({ aggregation: 'MEAN', teamSize: 1, honorTopN: 0, promotionTopM: 0, prizeTiers: [], hostEnterprise: null,
      eligibility: { trades: ['焊工'], minSkillLevel: null, maxSkillLevel: null, enterprises: [] } });
    const pub = ok(await t.gql(GET, { id: competition.id })).competition;
    expect(pub).toMatchObject({ title: base().title, organizerName: 'wang.organizer', viewerIsOwner: false });
    expect(errorCode(await t.gql(`query($id: ID!) { competition(id: $id) { owner { email } } }`, { id: competition.id }))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reports every invalid field at once and creates nothing', async () => {
    const before = ok(await t.gql(`{ competitions { totalCount } }`)).competitions.totalCount;
    const res = await create(organizer.token, {
      title: ' ', trade: '', endsAt: '2099-05-01T00:00:00.000Z', registrationDeadline: '2099-06-01T00:00:00.000Z', teamSize: 11,
      honorTopN: -1, promotionTopM: -2, eligibility: { minSkillLevel: 'TECHNICIAN', maxSkillLevel: 'JUNIOR' },
      prizeTiers: [{ prize: 'FIRST', count: 1, share: 0.1 }, { prize: 'SECOND', share: 0 }, { prize: 'THIRD' }, { prize: 'THIRD', count: 1 }],
    });
    expect(res.competition).toBeNull();
    expect(res.userErrors.length).toBeGreaterThan(0);
    expect(res.userErrors.every((e: any) => e.code === 'INVALID_INPUT')).toBe(true);
    expect(res.userErrors.map((e: any) => e.field.join('.')).sort()).toEqual([
      'input.eligibility.maxSkillLevel', 'input.endsAt', 'input.honorTopN', 'input.prizeTiers.0', 'input.prizeTiers.1.share', 'input.prizeTiers.2',
      'input.prizeTiers.3.prize', 'input.promotionTopM', 'input.registrationDeadline', 'input.teamSize', 'input.title', 'input.trade',
    ].sort());
    expect(ok(await t.gql(`{ competitions { totalCount } }`)).competitions.totalCount).toBe(before);
  });

  it('refuses shares summing over 1, unknown enterprises and IDs of the wrong type', async () => {
    const shares = await create(organizer.token, { prizeTiers: [{ prize: 'FIRST', share: 0.6 }, { prize: 'SECOND', share: 0.5 }] });
    expect(shares.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'prizeTiers'] })]);
    const ghost = Buffer.from('Enterprise:11111111-1111-4111-8111-111111111111').toString('base64url');
    const missing = await create(organizer.token, { hostEnterpriseId: ghost, eligibility: { enterpriseIds: [host.id, ghost] } });
    expect(missing.userErrors.map((e: any) => [e.code, e.field.join('.')])).toEqual([
      ['NOT_FOUND', 'input.hostEnterpriseId'], ['NOT_FOUND', 'input.eligibility.enterpriseIds.1'],
    ]);
    const wrong = await create(organizer.token, { hostEnterpriseId: organizer.globalId });
    expect(wrong.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'hostEnterpriseId'] })]);
  });

  it('is for organizers and admins only', async () => {
    expect(errorCode(await t.gql(CREATE, { input: base() }))).toBe('UNAUTHENTICATED');
    for (const role of [Role.JUDGE, Role.REVIEWER, Role.STUDIO_MANAGER]) {
      expect(errorCode(await t.gql(CREATE, { input: base() }, (await t.user([role])).token))).toBe('FORBIDDEN');
    }
    expect((await create(admin.token)).userErrors).toEqual([]);
  });
});

describe('updateCompetition', () => {
  it('changes the fields given while DRAFT, checking dates against the stored ones', async () => {
    const { competition } = await create(organizer.token);
    const res = ok(await t.gql(UPDATE, { input: { competitionId: competition.id, title: '新标题', teamSize: 3, aggregation: 'MEDIAN', eligibility: { trades: ['钳工'] } } }, organizer.token)).updateCompetition;
    expect(res.userErrors).toEqual([]);
    expect(res.competition).toMatchObject({ title: '新标题', teamSize: 3, aggregation: 'MEDIAN', trade: '焊工', description: base().description, eligibility: { trades: ['钳工'] } });
    const bad = ok(await t.gql(UPDATE, { input: { competitionId: competition.id, endsAt: '2026-01-01T00:00:00.000Z' } }, organizer.token)).updateCompetition;
    expect(bad.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'endsAt'] })]);
  });

  it('after registration opens, changes only title, description and dates; refuses rules with INVALID_STATE and changes nothing', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 0, organizer });
    const refused = ok(await t.gql(UPDATE, { input: { competitionId: f.competitionId, title: 'x', teamSize: 2, aggregation: 'MEDIAN' } }, organizer.token)).updateCompetition;
    expect(refused.userErrors.map((e: any) => [e.code, e.field.join('.')]).sort()).toEqual([['INVALID_STATE', 'input.aggregation'], ['INVALID_STATE', 'input.teamSize']]);
    const now = ok(await t.gql(GET, { id: f.competitionId })).competition;
    expect(now).toMatchObject({ teamSize: 1, aggregation: 'MEAN' });
    expect(now.title).not.toBe('x');
    const okay = ok(await t.gql(UPDATE, { input: { competitionId: f.competitionId, title: '改期', endsAt: '2026-05-20T00:00:00.000Z' } }, organizer.token)).updateCompetition;
    expect(okay.userErrors).toEqual([]);
    expect(okay.competition).toMatchObject({ title: '改期', endsAt: '2026-05-20T00:00:00.000Z' });
  });

  it('is refused once the competition has started', async () => {
    const f = await setupCompetition(t, { entries: 1, judges: 1, organizer });
    const res = ok(await t.gql(UPDATE, { input: { competitionId: f.competitionId, title: 'late' } }, organizer.token)).updateCompetition;
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(res.userErrors[0].message).toBe('竞赛当前为“进行中”，不能修改');
  });

  it('is FORBIDDEN to another organizer and to other roles; the admin may', async () => {
    const { competition } = await create(organizer.token);
    const input = { competitionId: competition.id, title: 'hijack' };
    expect(errorCode(await t.gql(UPDATE, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(UPDATE, { input }, other.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(UPDATE, { input }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
    expect(ok(await t.gql(GET, { id: competition.id }, other.token)).competition).toMatchObject({ title: base().title, viewerIsOwner: false });
    expect(ok(await t.gql(UPDATE, { input: { ...input, title: 'by admin' } }, admin.token)).updateCompetition.competition.title).toBe('by admin');
  });

  it('reports an unknown competition as NOT_FOUND', async () => {
    const ghost = Buffer.from('Competition:11111111-1111-4111-8111-111111111111').toString('base64url');
    const res = ok(await t.gql(UPDATE, { input: { competitionId: ghost, title: 'x' } }, organizer.token)).updateCompetition;
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'competitionId'] })]);
  });
});

describe('competitions query', () => {
  let mine: string[];
  beforeAll(async () => {
    const o = await t.user([Role.ORGANIZER]);
    const make = async (over: Record<string, unknown>) => (await create(o.token, { title: '筛选测试', registrationDeadline: null, ...over })).competition.id;
    mine = [
      await make({ title: '筛选测试 钳工比武', kind: 'TECHNICAL_CONTEST', level: 'DISTRICT', district: '思明区', trade: '钳工', startsAt: '2024-12-31T17:00:00.000Z', endsAt: '2025-01-02T00:00:00.000Z', registrationDeadline: null }),
      await make({ title: '筛选测试 焊工大赛', kind: 'SKILLS_COMPETITION', level: 'CITY', startsAt: '2025-06-01T00:00:00.000Z', endsAt: '2025-06-02T00:00:00.000Z' }),
      await make({ title: '筛选测试 岗位练兵', kind: 'JOB_DRILL', level: 'ENTERPRISE', hostEnterpriseId: host.id, startsAt: '2025-12-31T15:00:00.000Z', endsAt: '2026-01-01T00:00:00.000Z', registrationDeadline: null }),
    ];
  });
  const titles = async (args: string) =>
    ok(await t.gql(`{ competitions(${args}) { totalCount nodes { title } } }`)).competitions;

  it('filters by kind, level, trade, status, search, and year (China Standard Time)', async () => {
    expect((await titles('filter: { search: "筛选测试", kind: JOB_DRILL }')).nodes).toEqual([{ title: '筛选测试 岗位练兵' }]);
    expect((await titles('filter: { search: "筛选测试", level: DISTRICT }')).nodes).toEqual([{ title: '筛选测试 钳工比武' }]);
    expect((await titles('filter: { search: "筛选测试", trade: "钳工" }')).totalCount).toBe(1);
    expect((await titles('filter: { search: "筛选测试", status: DRAFT }')).totalCount).toBe(3);
    expect((await titles('filter: { search: "筛选测试", status: IN_PROGRESS }')).totalCount).toBe(0);
    // 2024-12-31T17:00Z is 1 January 2025 in Beijing; 2025-12-31T15:00Z is 23:00 on 31 December 2025.
    expect((await titles('filter: { search: "筛选测试", year: 2025 }')).totalCount).toBe(3);
    expect((await titles('filter: { search: "筛选测试", year: 2024 }')).totalCount).toBe(0);
    expect((await titles('filter: { search: "100%" }')).totalCount).toBe(0);
  });

  it('orders (newest start first by default) and pages with cursors both ways', async () => {
    expect((await titles('filter: { search: "筛选测试" }')).nodes.map((n: any) => n.title)).toEqual(['筛选测试 岗位练兵', '筛选测试 焊工大赛', '筛选测试 钳工比武']);
    expect((await titles('filter: { search: "筛选测试" }, orderBy: { field: TITLE, direction: ASC }')).nodes).toHaveLength(3);
    const Q = `query($after: String, $before: String, $first: Int, $last: Int) { competitions(filter: { search: "筛选测试" }, orderBy: { field: STARTS_AT, direction: ASC }, first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { id } } }`;
    const p1 = ok(await t.gql(Q, { first: 2 })).competitions;
    expect(p1.nodes.map((n: any) => n.id)).toEqual(mine.slice(0, 2));
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = ok(await t.gql(Q, { first: 2, after: p1.pageInfo.endCursor })).competitions;
    expect(p2.nodes.map((n: any) => n.id)).toEqual([mine[2]]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const back = ok(await t.gql(Q, { last: 2, before: p2.pageInfo.startCursor })).competitions;
    expect(back.nodes.map((n: any) => n.id)).toEqual(mine.slice(0, 2));
    expect(errorCode(await t.gql(Q, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(Q, { after: 'garbage!' }))).toBe('BAD_USER_INPUT');
  });

  it('resolves a page of competitions with a constant number of statements', async () => {
    const Q = `{ competitions(first: 100) { nodes { title organizerName hostEnterprise { name } eligibility { trades enterprises { name } } stages { name criteria { name } totalMaxScore } } } }`;
    const few = await t.countStatements(async () => ok(await t.gql(Q)));
    for (let i = 0; i < 5; i++) await setupCompetition(t, { until: 'DRAFT', judges: 0 });
    const more = await t.countStatements(async () => ok(await t.gql(Q)));
    expect(more).toBe(few);
  });
});

describe('node(id:) for competitions and their scheme', () => {
  it('resolves Competition, Stage and Criterion for anyone', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', judges: 0, organizer });
    const NODE = `query($id: ID!) { node(id: $id) { id __typename ... on Competition { title } ... on Stage { name competition { id } } ... on Criterion { kind } } }`;
    expect(ok(await t.gql(NODE, { id: f.competitionId })).node).toMatchObject({ __typename: 'Competition', id: f.competitionId });
    expect(ok(await t.gql(NODE, { id: f.stages[0]!.id })).node).toEqual({ __typename: 'Stage', id: f.stages[0]!.id, name: '理论', competition: { id: f.competitionId } });
    expect(ok(await t.gql(NODE, { id: f.stages[1]!.criteria[0]!.id })).node).toMatchObject({ __typename: 'Criterion', kind: 'JUDGEMENT' });
    expect(ok(await t.gql(NODE, { id: Buffer.from('Stage:11111111-1111-4111-8111-111111111111').toString('base64url') })).node).toBeNull();
  });
});
