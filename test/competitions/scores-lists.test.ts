import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';

/*
 * The lists of judging as connections (issue 13): Score.revisions through nestedConnection (first
 * pages of many marks in one statement, later pages through paginate), scoreLog's orderBy, and the
 * messages of a mark in both languages.
 */

const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;
const PAGE = `edges { cursor } nodes { reason } pageInfo { hasNextPage hasPreviousPage endCursor } totalCount`;

let t: TestServer;
let f: CompetitionFixture;
/** Entry 0's mark by judge 1: corrected three times (a, b, c). */
let corrected: string;

beforeAll(async () => {
  t = await startTestServer();
  f = await setupCompetition(t);
  const criterionId = f.stages[1]!.criteria[0]!.id;
  const mark = async (judge: number, entry: number, value: number, reason?: string) => {
    const res = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId, value, reason } }, f.judges[judge]!.token)).submitScore;
    expect(res.userErrors).toEqual([]);
    return res.score.id as string;
  };
  // Six marks, each corrected once (no judge has completed an entry, so a reason is enough).
  for (const entry of [0, 1]) {
    for (const judge of [0, 1, 2]) {
      await mark(judge, entry, 10);
      const id = await mark(judge, entry, 11, `r-${entry}-${judge}`);
      if (entry === 0 && judge === 1) corrected = id;
    }
  }
  await mark(1, 0, 12, 'b');
  await mark(1, 0, 13, 'c');
});
afterAll(async () => t.close());

const revisionsOf = (args: string, token = f.organizer.token) =>
  t.gql(`query($id: ID!) { node(id: $id) { ... on Score { revisions(${args}) { ${PAGE} } } } }`, { id: corrected }, token);

describe('Score.revisions', () => {
  it('pages oldest first, a second page after the cursor, and newest first on request', async () => {
    const first = ok(await revisionsOf('first: 2')).node.revisions;
    expect(first.nodes).toEqual([{ reason: 'r-0-1' }, { reason: 'b' }]);
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    const next = ok(await revisionsOf(`first: 2, after: "${first.pageInfo.endCursor}"`)).node.revisions;
    expect(next.nodes).toEqual([{ reason: 'c' }]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const desc = ok(await revisionsOf('first: 3, orderBy: { field: AT, direction: DESC }')).node.revisions;
    expect(desc.nodes).toEqual([{ reason: 'c' }, { reason: 'b' }, { reason: 'r-0-1' }]);
    const descNext = ok(await revisionsOf(`first: 1, after: "${desc.edges[1].cursor}", orderBy: { field: AT, direction: DESC }`)).node.revisions;
    expect(descNext.nodes).toEqual([{ reason: 'r-0-1' }]);
    expect(errorCode(await revisionsOf('first: 101'))).toBe('BAD_USER_INPUT');
  });

  it('costs the same statements for the revisions of 2 marks as of 5 (one window statement for the first pages)', async () => {
    const Q = (n: number) => `query($id: ID!) { node(id: $id) { ... on Competition { scoreLog(first: ${n}) { nodes { id revisions(first: 2) { totalCount nodes { reason } } } } } } }`;
    let two: any;
    let five: any;
    const few = await t.countStatements(async () => { two = ok(await t.gql(Q(2), { id: f.competitionId }, f.organizer.token)); });
    const more = await t.countStatements(async () => { five = ok(await t.gql(Q(5), { id: f.competitionId }, f.organizer.token)); });
    expect(two.node.scoreLog.nodes).toHaveLength(2);
    expect(five.node.scoreLog.nodes).toHaveLength(5);
    for (const n of five.node.scoreLog.nodes) expect(n.revisions.totalCount).toBeGreaterThanOrEqual(1);
    expect(more).toBe(few);
  });
});

describe('Competition.scoreLog orderBy', () => {
  it('defaults to the most recently changed first; CREATED_AT ascending gives the marks in the order given', async () => {
    const log = (args: string) => t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { scoreLog(${args}) { nodes { id } pageInfo { endCursor } } } } }`, { id: f.competitionId }, f.organizer.token);
    const byDefault = ok(await log('first: 6')).node.scoreLog.nodes.map((n: { id: string }) => n.id);
    expect(byDefault[0]).toBe(corrected);
    const asc = ok(await log('first: 6, orderBy: { field: CREATED_AT }')).node.scoreLog;
    const desc = ok(await log('first: 6, orderBy: { field: CREATED_AT, direction: DESC }')).node.scoreLog;
    expect(asc.nodes.map((n: { id: string }) => n.id)).toEqual([...desc.nodes.map((n: { id: string }) => n.id)].reverse());
    const page1 = ok(await log('first: 3, orderBy: { field: CREATED_AT }')).node.scoreLog;
    const page2 = ok(await log(`first: 3, after: "${page1.pageInfo.endCursor}", orderBy: { field: CREATED_AT }`)).node.scoreLog;
    expect([...page1.nodes, ...page2.nodes]).toEqual(asc.nodes);
    // Only the organizer reads the log: a judge is refused, in their language.
    const judge = await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { scoreLog(first: 1) { totalCount } } } }`, { id: f.competitionId }, f.judges[1]!.token);
    expect(errorCode(judge)).toBe('FORBIDDEN');
  });
});

describe('messages of a mark, for the judge at the tablet', () => {
  it('says the criterion’s maximum and the value refused, in Chinese by default and in English on request', async () => {
    const input = { entryId: f.entries[2]!.id, criterionId: f.stages[1]!.criteria[0]!.id, value: 62 };
    const zh = ok(await t.gql(SUBMIT, { input }, f.judges[1]!.token)).submitScore;
    expect(zh.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'value'], message: '该评分项满分为 50 分，不能给 62 分' }]);
    const en = ok(await t.gql(SUBMIT, { input }, f.judges[1]!.token, { locale: 'en' })).submitScore;
    expect(en.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'value'], message: 'This criterion’s maximum is 50: 62 is too high' }]);
    const decimals = ok(await t.gql(SUBMIT, { input: { ...input, value: 1.234 } }, f.judges[1]!.token)).submitScore;
    expect(decimals.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'value'], message: '分值最多保留两位小数，例如 8.25' }]);
  });
});
