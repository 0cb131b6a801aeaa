import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { boardSubscribers, record, wsClient, type Recorder } from '../helpers/ws';

/**
 * Issue 14: leaderboardChanged sends a screen the whole board first, then only the rows that
 * changed since the board it sent that screen last. The audiences hold exactly as for whole boards
 * (jury-view.test.ts, public-board.test.ts): a judge never gets a name in a change, the public never
 * a change made after the freeze.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const ROW = 'entryId rank displayName total status';
const CHANGES = `subscription($id: ID!, $first: Int) { leaderboardChanged(competitionId: $id, first: $first) { version baseVersion frozen rowCount totalCount changedRows { position row { ${ROW} } } } }`;
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version frozen rows(first: 1000) { nodes { ${ROW} } } } } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { leaderboardVersion userErrors { code } } }`;

interface Row { entryId: string; rank: number | null; displayName: string | null; total: number; status: string }
interface Change { version: number; baseVersion: number | null; frozen: boolean; rowCount: number; totalCount: number; changedRows: { position: number; row: Row }[] }

async function mark(f: CompetitionFixture, judge: number, entry: number, value: number, criterion = f.stages[0]!.criteria[0]!.id): Promise<number> {
  const res = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: criterion, value } }, f.judges[judge]!.token)).submitScore;
  expect(res.userErrors).toEqual([]);
  return res.leaderboardVersion;
}

/** What a screen holds after each message: its rows cut to rowCount, each named position replaced. */
function screen(rec: Recorder<{ leaderboardChanged: Change }>) {
  const held = { version: -1, rows: [] as Row[] };
  let applied = 0;
  return {
    held,
    rec,
    async catchUp(pred: (c: Change) => boolean): Promise<Change> {
      const hit = await rec.waitFor((d) => pred(d.leaderboardChanged));
      for (; applied < rec.results.length; applied++) {
        const c = rec.results[applied]!.data!.leaderboardChanged;
        if (c.baseVersion !== null) expect(c.baseVersion).toBe(held.version); // a change names the board it applies to
        held.rows = held.rows.slice(0, c.rowCount);
        for (const { position, row } of c.changedRows) held.rows[position] = row;
        held.version = c.version;
      }
      return hit.leaderboardChanged;
    },
  };
}

async function httpBoard(f: CompetitionFixture, token: string | null) {
  return ok(await t.gql(BOARD, { id: f.competitionId }, token)).node.leaderboard as { version: number; frozen: boolean; rows: { nodes: Row[] } };
}

describe('leaderboardChanged', () => {
  it('sends the whole board, then changes that rebuild exactly the board a query returns', async () => {
    const f = await setupCompetition(t, { entries: 5 });
    const client = wsClient(t.wsUrl, null);
    try {
      const rec = record<{ leaderboardChanged: Change }>(client, CHANGES, { id: f.competitionId, first: 1000 }); // the largest window
      const s = screen(rec);
      const first = await s.catchUp(() => true);
      expect(first.baseVersion).toBeNull();
      expect(first.changedRows.map((c) => c.position)).toEqual([...Array(first.rowCount).keys()]);
      expect(first.rowCount).toBe(f.entries.length);
      await boardSubscribers(t, f.competitionId, 1);
      const practical = f.stages[1]!.criteria[0]!.id;
      for (const [entry, value, criterion] of [[2, 90, undefined], [2, 40, practical], [0, 40, undefined], [4, 99, undefined], [3, 10, undefined]] as const) {
        const version = await mark(f, 1, entry, value, criterion);
        const change = await s.catchUp((c) => c.version >= version);
        expect(change.baseVersion).not.toBeNull();
        expect(change.changedRows.length).toBeLessThanOrEqual(change.rowCount);
      }
      const board = await httpBoard(f, null);
      expect(s.held.version).toBe(board.version);
      expect(s.held.rows).toEqual(board.rows.nodes);
      // A mark that changes one row sends fewer rows than the board has.
      const last = rec.results.at(-1)!.data!.leaderboardChanged;
      expect(last.changedRows.length).toBeLessThan(last.rowCount);
    } finally {
      await client.dispose();
    }
  });

  it('`first` cuts the board to the screen’s window; out of range is refused', async () => {
    const f = await setupCompetition(t, { entries: 4 });
    const client = wsClient(t.wsUrl, null);
    try {
      const rec = record<{ leaderboardChanged: Change }>(client, CHANGES, { id: f.competitionId, first: 2 });
      const s = screen(rec);
      await s.catchUp(() => true);
      await boardSubscribers(t, f.competitionId, 1);
      const version = await mark(f, 1, 3, 95);
      await s.catchUp((c) => c.version >= version);
      expect(s.held.rows).toEqual((await httpBoard(f, null)).rows.nodes.slice(0, 2));
      const bad = record<{ leaderboardChanged: Change }>(client, CHANGES, { id: f.competitionId, first: 1001 });
      await expect(bad.waitFor(() => true, 5000)).rejects.toBeTruthy();
    } finally {
      await client.dispose();
    }
  });

  it('a judge never gets a name in a change; the organizer does', async () => {
    const f = await setupCompetition(t);
    const judge = wsClient(t.wsUrl, f.judges[2]!.token);
    const owner = wsClient(t.wsUrl, f.organizer.token);
    try {
      const j = screen(record<{ leaderboardChanged: Change }>(judge, CHANGES, { id: f.competitionId }));
      const o = screen(record<{ leaderboardChanged: Change }>(owner, CHANGES, { id: f.competitionId }));
      await Promise.all([j.catchUp(() => true), o.catchUp(() => true)]);
      await boardSubscribers(t, f.competitionId, 2);
      const version = await mark(f, 1, 0, 88);
      const [jc, oc] = await Promise.all([j.catchUp((c) => c.version >= version), o.catchUp((c) => c.version >= version)]);
      expect(jc.changedRows.length).toBeGreaterThan(0);
      expect(jc.changedRows.every((c) => c.row.displayName === null)).toBe(true);
      expect(j.held.rows.every((r) => r.displayName === null)).toBe(true);
      expect(oc.changedRows.every((c) => c.row.displayName !== null)).toBe(true);
    } finally {
      await Promise.all([judge.dispose(), owner.dispose()]);
    }
  });

  it('the public never gets a change made after the freeze; the jury does', async () => {
    const f = await setupCompetition(t);
    await mark(f, 1, 0, 60);
    const pub = wsClient(t.wsUrl, null);
    const owner = wsClient(t.wsUrl, f.organizer.token);
    try {
      const p = screen(record<{ leaderboardChanged: Change }>(pub, CHANGES, { id: f.competitionId }));
      const o = screen(record<{ leaderboardChanged: Change }>(owner, CHANGES, { id: f.competitionId }));
      await Promise.all([p.catchUp(() => true), o.catchUp(() => true)]);
      await boardSubscribers(t, f.competitionId, 2);
      await mutate(t, f.organizer.token, 'freezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { id }');
      const frozen = await p.catchUp((c) => c.frozen);
      const atFreeze = [...p.held.rows];
      const before = p.rec.results.length; // a frozen board keeps its version: messages are told apart by count
      const version = await mark(f, 1, 1, 99);
      await o.catchUp((c) => c.version >= version);
      await p.rec.waitFor(() => p.rec.results.length > before);
      await p.catchUp(() => true);
      const after = p.rec.results.at(-1)!.data!.leaderboardChanged;
      expect(after.frozen).toBe(true);
      expect(after.version).toBe(frozen.version);
      expect(after.changedRows).toEqual([]);
      expect(p.held.rows).toEqual(atFreeze);
      expect(p.held.rows).toEqual((await httpBoard(f, null)).rows.nodes);
      expect(o.held.rows).toEqual((await httpBoard(f, f.organizer.token)).rows.nodes);
      expect(o.held.rows).not.toEqual(p.held.rows);
    } finally {
      await Promise.all([pub.dispose(), owner.dispose()]);
    }
  });

  it('a chief judge removed mid-subscription gets the next board whole, as the public board, still without names', async () => {
    const f = await setupCompetition(t);
    const chief = wsClient(t.wsUrl, f.judges[0]!.token);
    try {
      const c = screen(record<{ leaderboardChanged: Change }>(chief, CHANGES, { id: f.competitionId }));
      await c.catchUp(() => true);
      await boardSubscribers(t, f.competitionId, 1);
      const marked = await mark(f, 1, 0, 50);
      expect((await c.catchUp((x) => x.version >= marked)).baseVersion).not.toBeNull();
      await mutate(t, f.organizer.token, 'unassignJudge', 'UnassignJudgeInput', { competitionId: f.competitionId, userId: f.judges[0]!.globalId, reason: '回避' }, 'assignment { id }');
      const removed = await c.catchUp((x) => x.version > marked);
      expect(removed.baseVersion).toBeNull();
      expect(removed.changedRows).toHaveLength(removed.rowCount);
      expect(c.held.rows.every((r) => r.displayName === null)).toBe(true);
      expect(c.held.rows).toEqual((await httpBoard(f, f.judges[0]!.token)).rows.nodes);
    } finally {
      await chief.dispose();
    }
  });
});
