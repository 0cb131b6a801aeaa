import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition } from '../helpers/competition';

/**
 * Competition.transitions is a connection (issue 13): paged with first/after/last/before, ordered by
 * `at` either way, and the first page of many competitions' histories costs what one does; the same
 * for Competition.officials (ordered by appointment).
 */
let t: TestServer;
let organizer: { id: string; globalId: string; token: string };
const ids: string[] = [];
let arbitrators: { globalId: string }[] = [];

beforeAll(async () => {
  t = await startTestServer();
  organizer = await t.user([Role.ORGANIZER]);
  arbitrators = [await t.user([Role.JUDGE]), await t.user([Role.JUDGE])];
  // Five competitions, each with three moves (opened, closed, cancelled) and two arbitrators.
  for (let i = 0; i < 5; i++) {
    const f = await setupCompetition(t, { until: 'REGISTRATION_CLOSED', entries: 0, judges: 0, organizer, title: `历史${i}` });
    for (const a of arbitrators) {
      await mutate(t, organizer.token, 'appointOfficial', 'AppointOfficialInput', { competitionId: f.competitionId, userId: a.globalId, duty: 'ARBITRATOR' }, 'official { id }');
    }
    await mutate(t, organizer.token, 'cancelCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId, reason: `取消${i}` }, 'competition { id }');
    ids.push(f.competitionId);
  }
}, 120_000);
afterAll(() => t.close());

const HISTORY = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: CompetitionTransitionOrder) {
  competition(id: $id) { transitions(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { from to reason } } } }`;
const history = async (vars: Record<string, unknown>, token: string | null = organizer.token) =>
  ok(await t.gql(HISTORY, { id: ids[0], ...vars }, token)).competition.transitions;

describe('Competition.transitions (lifecycle history) as a connection', () => {
  it('pages oldest first by default, the next page through `after`', async () => {
    const first = await history({ first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((n: any) => n.to)).toEqual(['REGISTRATION_OPEN', 'REGISTRATION_CLOSED']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await history({ first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes).toEqual([{ from: 'REGISTRATION_CLOSED', to: 'CANCELLED', reason: '取消0' }]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = await history({ last: 2, before: second.pageInfo.startCursor });
    expect(back.nodes.map((n: any) => n.to)).toEqual(['REGISTRATION_OPEN', 'REGISTRATION_CLOSED']);
  });

  it('orders newest first on request, and pages that way too', async () => {
    const orderBy = { field: 'AT', direction: 'DESC' };
    const first = await history({ first: 2, orderBy });
    expect(first.nodes.map((n: any) => n.to)).toEqual(['CANCELLED', 'REGISTRATION_CLOSED']);
    const second = await history({ first: 2, after: first.pageInfo.endCursor, orderBy });
    expect(second.nodes.map((n: any) => n.to)).toEqual(['REGISTRATION_OPEN']);
    expect((await history({ last: 1, orderBy })).nodes.map((n: any) => n.to)).toEqual(['REGISTRATION_OPEN']);
  });

  it('is null for judges and the public', async () => {
    const judge = await t.user([Role.JUDGE]);
    expect(ok(await t.gql(HISTORY, { id: ids[0], first: 1 }, judge.token)).competition.transitions).toBeNull();
    expect(ok(await t.gql(HISTORY, { id: ids[0], first: 1 })).competition.transitions).toBeNull();
  });

  it('costs the same number of SQL statements for 2 competitions’ histories as for 5', async () => {
    const q = `query($n: Int!) { competitions(first: $n, orderBy: { field: CREATED_AT }) { nodes { id
      transitions(first: 2) { totalCount pageInfo { hasNextPage } nodes { to by { id } } }
      officials(first: 1) { totalCount nodes { duty user { id } } } } } }`;
    const run = async (n: number) => {
      let data: any;
      const statements = await t.countStatements(async () => {
        data = ok(await t.gql(q, { n }, organizer.token));
      });
      return { statements, nodes: data.competitions.nodes };
    };
    await run(2); // warm-up
    const small = await run(2);
    const large = await run(5);
    expect(large.nodes).toHaveLength(5);
    for (const c of large.nodes) {
      expect(c.transitions).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(c.transitions.nodes).toEqual([
        { to: 'REGISTRATION_OPEN', by: { id: organizer.globalId } },
        { to: 'REGISTRATION_CLOSED', by: { id: organizer.globalId } },
      ]);
      expect(c.officials).toEqual({ totalCount: 2, nodes: [{ duty: 'ARBITRATOR', user: { id: arbitrators[0]!.globalId } }] });
    }
    expect(large.statements).toBe(small.statements);
  });
});

describe('Competition.officials as a connection', () => {
  const OFFICIALS = `query($id: ID!, $first: Int, $after: String, $orderBy: CompetitionOfficialOrder) {
    competition(id: $id) { officials(first: $first, after: $after, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } nodes { user { id } } } } }`;
  const officials = async (vars: Record<string, unknown>) => ok(await t.gql(OFFICIALS, { id: ids[1], ...vars }, organizer.token)).competition.officials;
  const who = (page: any) => page.nodes.map((n: any) => n.user.id);

  it('pages in order of appointment, either way', async () => {
    const [a, b] = arbitrators.map((x) => x.globalId);
    const first = await officials({ first: 1 });
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(who(first)).toEqual([a]);
    const second = await officials({ first: 1, after: first.pageInfo.endCursor });
    expect(who(second)).toEqual([b]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const newest = await officials({ first: 1, orderBy: { field: 'APPOINTED_AT', direction: 'DESC' } });
    expect(who(newest)).toEqual([b]);
    expect(who(await officials({ first: 1, after: newest.pageInfo.endCursor, orderBy: { field: 'APPOINTED_AT', direction: 'DESC' } }))).toEqual([a]);
  });

  it('is FORBIDDEN to another organizer', async () => {
    const stranger = await t.user([Role.ORGANIZER]);
    const res = await t.gql(OFFICIALS, { id: ids[1], first: 1 }, stranger.token);
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});
