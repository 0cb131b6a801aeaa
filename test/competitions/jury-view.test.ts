import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { boardSubscribers, record, subscriptionsActive, wsClient } from '../helpers/ws';

/**
 * Issue 12 §1: only the competition's own organizer, its chief judge (now on the panel) and ADMIN
 * get the live jury view; an ORGANIZER of another competition gets what the public gets; a user who
 * judges the competition (removed or not, whatever other roles they hold) gets the judge's view.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

type User = { id: string; globalId: string; token: string };

const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } leaderboardVersion userErrors { code } } }`;
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version frozen rows(first: 1000) { nodes { entryId displayName } } } } } }`;
const BOARD_SUB = `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) { version frozen rows(first: 1000) { nodes { entryId displayName } } } }`;

async function mark(f: CompetitionFixture, judge: number, entry: number, value: number, criterion = f.stages[0]!.criteria[0]!.id) {
  const res = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: criterion, value } }, f.judges[judge]!.token)).submitScore;
  expect(res.userErrors).toEqual([]);
  return res as { score: { id: string }; leaderboardVersion: number };
}

/** A competition with one mark before the freeze and one after: the live board and the frozen one differ. */
async function frozenCompetition(): Promise<CompetitionFixture> {
  const f = await setupCompetition(t);
  await mark(f, 1, 0, 90);
  await mutate(t, f.organizer.token, 'freezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { id }');
  await mark(f, 1, 1, 95);
  return f;
}

/** What a viewer's board looks like: live or frozen, names or start numbers only. */
function look(board: { frozen: boolean; rows: { nodes: { displayName: string | null }[] } }) {
  return { frozen: board.frozen, names: board.rows.nodes.every((r) => r.displayName !== null) ? 'shown' : board.rows.nodes.every((r) => r.displayName === null) ? 'hidden' : 'mixed' };
}

async function boardOf(f: CompetitionFixture, token: string | null) {
  return look(ok(await t.gql(BOARD, { id: f.competitionId }, token)).node.leaderboard);
}

async function assignJudge(f: CompetitionFixture, user: User, chief = false) {
  await mutate(t, f.organizer.token, 'assignJudge', 'AssignJudgeInput', {
    competitionId: f.competitionId, userId: user.globalId, stageIds: f.stages.map((s) => s.id), chief, reason: '补充裁判',
  }, 'assignment { id }');
}

async function unassignJudge(f: CompetitionFixture, userGlobalId: string) {
  await mutate(t, f.organizer.token, 'unassignJudge', 'UnassignJudgeInput', { competitionId: f.competitionId, userId: userGlobalId, reason: '回避' }, 'assignment { id }');
}

describe('who gets the live jury board while frozen (HTTP)', () => {
  it('the own organizer, ADMIN and the chief judge: live; another competition’s organizer, judges and the public: frozen', async () => {
    const f = await frozenCompetition();
    const admin = await t.user([Role.ADMIN]);
    const otherOrganizer = await t.user([Role.ORGANIZER]);
    await setupCompetition(t, { organizer: otherOrganizer, until: 'DRAFT', judges: 0 }); // organizes a competition of their own
    expect(await boardOf(f, f.organizer.token)).toEqual({ frozen: false, names: 'shown' });
    expect(await boardOf(f, admin.token)).toEqual({ frozen: false, names: 'shown' });
    expect(await boardOf(f, f.judges[0]!.token)).toEqual({ frozen: false, names: 'hidden' }); // the chief judge
    expect(await boardOf(f, otherOrganizer.token)).toEqual({ frozen: true, names: 'shown' });
    expect(await boardOf(f, f.judges[1]!.token)).toEqual({ frozen: true, names: 'hidden' });
    expect(await boardOf(f, null)).toEqual({ frozen: true, names: 'shown' });
  });

  it('a judge who is also an ORGANIZER gets the judge’s view: frozen board, no names, only their stages’ marks', async () => {
    const f = await frozenCompetition();
    const judgeOrganizer = await t.user([Role.ORGANIZER, Role.JUDGE]);
    await assignJudge(f, judgeOrganizer);
    expect(await boardOf(f, judgeOrganizer.token)).toEqual({ frozen: true, names: 'hidden' });
    const entry = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Entry { anonymized displayName participants { name } scoreSheet { total } } } }`,
      { id: f.entries[0]!.id }, judgeOrganizer.token)).node;
    expect(entry).toEqual({ anonymized: true, displayName: null, participants: [], scoreSheet: { total: null } });
  });

  it('a judge removed from the panel stays anonymized and loses the panel and the marks', async () => {
    const f = await frozenCompetition();
    await unassignJudge(f, f.judges[2]!.globalId);
    const token = f.judges[2]!.token;
    expect(await boardOf(f, token)).toEqual({ frozen: true, names: 'hidden' });
    const seen = ok(await t.gql(`query($c: ID!, $e: ID!) {
      c: node(id: $c) { ... on Competition { judges { nodes { id } } } }
      e: node(id: $e) { ... on Entry { displayName scoreSheet { total } } } }`, { c: f.competitionId, e: f.entries[0]!.id }, token));
    expect(seen).toEqual({ c: { judges: null }, e: { displayName: null, scoreSheet: null } });
  });
});

describe('an ORGANIZER of another competition reads only what the public reads', () => {
  it('no marks, no panel, no score log, no results CSV, and no writes', async () => {
    const f = await frozenCompetition();
    const otherOrganizer = await t.user([Role.ORGANIZER]);
    const owner = f.organizer.token;
    const scoreId = (await mark(f, 2, 2, 80)).score.id;
    const panel = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { judges { nodes { id } } } } }`, { id: f.competitionId }, owner)).node.judges.nodes;
    const READ = `query($c: ID!, $e: ID!, $s: ID!, $j: ID!) {
      c: node(id: $c) { ... on Competition { judges { nodes { id } } } }
      e: node(id: $e) { ... on Entry { displayName scoreSheet { total } } }
      s: node(id: $s) { id }
      j: node(id: $j) { id } }`;
    const vars = { c: f.competitionId, e: f.entries[2]!.id, s: scoreId, j: panel[0].id };
    // The owner reads all of it (the query is not empty by construction)…
    const mine = ok(await t.gql(READ, vars, owner));
    expect(mine.c.judges.nodes).toHaveLength(3);
    expect(mine.e.scoreSheet.total).toEqual(expect.any(Number));
    expect([mine.s, mine.j]).toEqual([{ id: scoreId }, { id: panel[0].id }]);
    // …another organizer what the public does.
    expect(ok(await t.gql(READ, vars, otherOrganizer.token))).toEqual({ c: { judges: null }, e: { displayName: expect.any(String), scoreSheet: null }, s: null, j: null });

    const log = await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { scoreLog(first: 5) { totalCount } } } }`, { id: f.competitionId }, otherOrganizer.token);
    expect(errorCode(log)).toBe('FORBIDDEN');

    const csv = (token: string) => fetch(t.url.replace(/\/graphql$/, `/competitions/${f.competitionId}/results.csv`), { headers: { authorization: `Bearer ${token}` } });
    expect((await csv(otherOrganizer.token)).status).toBe(403);
    expect((await csv(owner)).status).toBe(200);
    const DOWNLOAD = `mutation($id: ID!) { createResultsDownload(input: { competitionId: $id }) { url userErrors { code } } }`;
    expect(errorCode(await t.gql(DOWNLOAD, { id: f.competitionId }, otherOrganizer.token))).toBe('FORBIDDEN');
    expect(ok(await t.gql(DOWNLOAD, { id: f.competitionId }, owner)).createResultsDownload.url).toEqual(expect.any(String));

    const SCORE_SUB = `subscription($id: ID!) { scoreSubmitted(competitionId: $id) { version } }`;
    const client = wsClient(t.wsUrl, otherOrganizer.token);
    try {
      const sub = record<any>(client, SCORE_SUB, { id: f.competitionId });
      await expect(sub.waitFor(() => true, 2000)).rejects.toBeDefined();
      expect(JSON.stringify(sub.error ?? sub.results)).toMatch(/FORBIDDEN|organizer/);
    } finally {
      await client.dispose();
    }

    // Writes were already the owner's alone: refused, and nothing changed.
    for (const [name, type, input] of [
      ['unfreezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }],
      ['unassignJudge', 'UnassignJudgeInput', { competitionId: f.competitionId, userId: f.judges[1]!.globalId, reason: '越权' }],
      ['closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }],
    ] as const) {
      const res = await t.gql(`mutation($input: ${type}!) { ${name}(input: $input) { userErrors { code } } }`, { input }, otherOrganizer.token);
      expect([name, errorCode(res)]).toEqual([name, 'FORBIDDEN']);
    }
    const after = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { status judges { nodes { id } } leaderboard { frozen } } } }`, { id: f.competitionId }, owner)).node;
    expect(after).toEqual({ status: 'IN_PROGRESS', judges: { nodes: panel }, leaderboard: { frozen: false } });
    expect(await boardOf(f, null)).toMatchObject({ frozen: true });
  });
});

describe('leaderboardUpdated re-checks the viewer’s role per event (graphql-ws)', () => {
  it('a chief judge removed mid-subscription gets the frozen public board next, still anonymized; the other audiences keep theirs', async () => {
    const f = await frozenCompetition();
    const otherOrganizer = await t.user([Role.ORGANIZER]);
    const judgeOrganizer = await t.user([Role.ORGANIZER, Role.JUDGE]);
    await assignJudge(f, judgeOrganizer);
    const viewers = { owner: f.organizer.token, chief: f.judges[0]!.token, judge: f.judges[2]!.token, otherOrganizer: otherOrganizer.token, judgeOrganizer: judgeOrganizer.token, public: null };
    const clients = Object.fromEntries(Object.entries(viewers).map(([k, token]) => [k, wsClient(t.wsUrl, token)]));
    try {
      const subs = Object.fromEntries(Object.entries(clients).map(([k, c]) => [k, record<any>(c, BOARD_SUB, { id: f.competitionId })]));
      await boardSubscribers(t, f.competitionId, Object.keys(viewers).length); // the server holds every screen's subscription
      // A frozen board keeps its version, so each screen's events are told apart by their order.
      const seen = (who: string) => subs[who]!.results.length;
      const since = async (who: string, n: number) => {
        await subs[who]!.waitFor(() => seen(who) > n);
        return subs[who]!.results.slice(n).map((r) => look(r.data!.leaderboardUpdated));
      };
      await mark(f, 1, 2, 70);
      expect(await since('owner', 0)).toEqual([{ frozen: false, names: 'shown' }]);
      expect(await since('chief', 0)).toEqual([{ frozen: false, names: 'hidden' }]);
      expect(await since('judge', 0)).toEqual([{ frozen: true, names: 'hidden' }]);
      expect(await since('otherOrganizer', 0)).toEqual([{ frozen: true, names: 'shown' }]);
      expect(await since('judgeOrganizer', 0)).toEqual([{ frozen: true, names: 'hidden' }]);
      expect(await since('public', 0)).toEqual([{ frozen: true, names: 'shown' }]);

      // Removing the chief raises the board version: their very next event is the public board.
      const before = seen('chief');
      await unassignJudge(f, f.judges[0]!.globalId);
      expect(await since('chief', before)).toEqual([{ frozen: true, names: 'hidden' }]);
      const again = seen('chief');
      await mark(f, 1, 2, 40, f.stages[1]!.criteria[0]!.id);
      expect(await since('chief', again)).toEqual([{ frozen: true, names: 'hidden' }]);
      expect((await since('owner', 1)).at(-1)).toEqual({ frozen: false, names: 'shown' });
    } finally {
      await Promise.all(Object.values(clients).map((c) => c.dispose()));
    }
  });

  it('a board read under another subscription (competitionStatusChanged) follows the panel too', async () => {
    const f = await frozenCompetition();
    const client = wsClient(t.wsUrl, f.judges[0]!.token); // the chief judge
    try {
      const sub = record<any>(client, `subscription($id: ID!) { competitionStatusChanged(competitionId: $id) { competition { status leaderboard { frozen } } } }`, { id: f.competitionId });
      await subscriptionsActive(t, 'competitionStatusChanged', 1); // the server holds the subscription
      const move = (name: string, reason?: string) => mutate(t, f.organizer.token, name, 'CompetitionTransitionInput', { competitionId: f.competitionId, ...(reason ? { reason } : {}) }, 'competition { id }');
      await acceptMissingMarks(t, f); // marking is incomplete on purpose
      await move('closeScoring');
      const closed = (await sub.waitFor((d) => d.competitionStatusChanged.competition.status === 'SCORING_CLOSED')).competitionStatusChanged;
      expect(closed.competition.leaderboard).toEqual({ frozen: false });
      await unassignJudge(f, f.judges[0]!.globalId);
      await move('reopenScoring', '复核');
      const reopened = (await sub.waitFor((d) => d.competitionStatusChanged.competition.status === 'IN_PROGRESS')).competitionStatusChanged;
      expect(reopened.competition.leaderboard).toEqual({ frozen: true });
    } finally {
      await client.dispose();
    }
  });
});
