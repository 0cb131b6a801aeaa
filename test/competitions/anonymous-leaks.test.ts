import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate } from '../helpers/competition';
import { boardSubscribers, record, subscriptionsActive, wsClient } from '../helpers/ws';
import { anonymousWorld, codeMap, issue, markingList, submit, type AnonWorld, type CodeRow } from './anonymous-setup';

/**
 * Issue 12 §1, the leak walk: as a judge of an anonymous stage, every path that shows entries or
 * marks is read, and no answer holds both something that names an entry (id, start number, station,
 * name, enterprise) and something of the anonymous stage's marking (a code, a marking ID, a mark's
 * value or id). Entries may be shown (by start number, as the hall does) and codes may be shown (on
 * the judge's own list), never together, and never the anonymous stage's scores beside an entry.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const ENTRY_FIELDS = `id startNumber station displayName participants { name enterprise { name } }
  scoreSheet { total lines { criterion { id } marks { id value markingCode markingId entry { id } } } }`;
const BOARD_FIELDS = `version sealedStageIds rows(first: 1000) { nodes { entryId startNumber station displayName enterpriseNames total completeness stageTotals { stageId score } } }`;
const MARK_SUB = `subscription($id: ID!) { scoreSubmitted(competitionId: $id) { revision score { id value markingId markingCode criterion { id } entry { id startNumber station } } } }`;

interface Identity { tokens: string[] }

/** Everything that names an entry, as it would appear in a JSON answer. */
async function identities(w: AnonWorld): Promise<Identity> {
  const rows = ok(await t.gql(`query($id: ID!) { competition(id: $id) { entries { nodes { id startNumber station displayName participants { name enterprise { name } } } } } }`,
    { id: w.f.competitionId }, w.f.organizer.token)).competition.entries.nodes;
  const tokens: string[] = [];
  for (const r of rows) {
    tokens.push(r.id, idOf(r.id, 'Entry')!, `"startNumber":${r.startNumber}`, `"${r.station}"`, r.displayName);
    for (const p of r.participants) tokens.push(p.name, p.enterprise.name);
  }
  return { tokens };
}

function holds(answer: unknown, tokens: string[]): string[] {
  const json = JSON.stringify(answer);
  return tokens.filter((tok) => json.includes(tok));
}

describe('no path links an anonymous stage’s code or mark to an entry for its judge', () => {
  it('entries, node(), scoreSheet, subscriptions, the board, the scoreboard page, the CSV and error messages', async () => {
    const w = await anonymousWorld(t);
    await issue(t, w);
    const judge = w.f.judges[1]!;
    const colleague = w.f.judges[2]!;
    const paper = w.f.stages[0]!.criteria[0]!.id;
    const practical = w.f.stages[1]!.criteria[0]!.id;
    const identity = await identities(w);
    const map: CodeRow[] = (await codeMap(t, w.paper, w.officer.token))!.nodes;

    // The rest of the panel marks entry 2's practical first: the judge's mark below completes it, and the
    // public board (the judge's) shows an open stage's score only once the entry's marks in it are all in.
    for (const token of [w.f.judges[0]!.token, colleague.token, w.conflicted.token]) {
      expect((await submit(t, token, { entryId: w.f.entries[2]!.id, criterionId: practical, value: 33 })).userErrors).toEqual([]);
    }
    const client = wsClient(t.wsUrl, judge.token);
    try {
      const marks = record<any>(client, MARK_SUB, { id: w.f.competitionId });
      const boards = record<any>(client, `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) { ${BOARD_FIELDS} } }`, { id: w.f.competitionId });
      await boardSubscribers(t, w.f.competitionId, 1);
      await subscriptionsActive(t, 'scoreSubmitted', 1);

      // Marks with values found nowhere else, so a value seen beside an entry is a leak.
      const mine = (await markingList(t, w.paper, judge.token)).nodes[0];
      const own = await submit(t, judge.token, { markingId: mine.markingId, criterionId: paper, value: 73.25 });
      // The colleague marks the same paper: the judge, having marked it, may see that mark (independent marking), by neither entry nor code.
      const theirs = await submit(t, colleague.token, { markingId: mine.markingId, criterionId: paper, value: 61.75 });
      const open = await submit(t, judge.token, { entryId: w.f.entries[2]!.id, criterionId: practical, value: 33 });
      for (const r of [own, theirs, open]) expect(r.userErrors).toEqual([]);
      const secret = [...map.flatMap((m) => [m.code, m.markingId, idOf(m.markingId, 'Marking')!]), '73.25', '61.75', own.score.id, theirs.score.id];

      // What names entries: the start list, each entry, its score sheet, the board (HTTP and live).
      const namedAnswers: unknown[] = [];
      namedAnswers.push(ok(await t.gql(`query($id: ID!) { competition(id: $id) { entries { nodes { ${ENTRY_FIELDS} } } leaderboard { ${BOARD_FIELDS} } } }`, { id: w.f.competitionId }, judge.token)));
      for (const e of w.f.entries) namedAnswers.push(ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Entry { ${ENTRY_FIELDS} } } }`, { id: e.id }, judge.token)));
      await marks.waitFor((d) => d.scoreSubmitted.score.value === 33);
      await boards.waitFor((d) => d.leaderboardUpdated.rows.nodes.some((r: { total: number }) => r.total > 0));
      namedAnswers.push(...boards.results);
      const openEvents = marks.results.filter((r) => r.data?.scoreSubmitted.score.criterion.id === practical);
      expect(openEvents).toHaveLength(1);
      namedAnswers.push(...openEvents);
      // The answers do name entries (the walk is not empty) …
      for (const a of namedAnswers) expect(holds(a, identity.tokens).length).toBeGreaterThan(0);
      // … and hold nothing of the anonymous marking.
      for (const a of namedAnswers) expect(holds(a, secret)).toEqual([]);
      const sheet = namedAnswers[0] as { competition: { entries: { nodes: { scoreSheet: { lines: { criterion: { id: string } }[] } }[] } } };
      for (const e of sheet.competition.entries.nodes) expect(e.scoreSheet.lines.map((l) => l.criterion.id)).toEqual([practical]);

      // What shows codes or anonymous marks: the judge's list, the payload, node() on marks and marking IDs, the live marks.
      const coded: unknown[] = [own, theirs, await markingList(t, w.paper, judge.token)];
      for (const id of [own.score.id, theirs.score.id]) {
        coded.push(ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Score { id value markingId markingCode entry { id startNumber } criterion { id } } } }`, { id }, judge.token)));
      }
      for (const m of map) expect(ok(await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: m.markingId }, judge.token)).node).toBeNull();
      // nodes(ids:) answers as node(id:) does: marking IDs resolve to nothing, marks without their entry, entries without the marking.
      const batch = ok(await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Score { value markingId markingCode entry { id startNumber } }
        ... on Entry { startNumber station scoreSheet { lines { criterion { id } marks { id value markingCode } } } } } }`,
      { ids: [...map.map((m) => m.markingId), own.score.id, theirs.score.id, ...w.f.entries.map((e) => e.id)] }, judge.token)).nodes;
      expect(batch.slice(0, map.length)).toEqual(map.map(() => null));
      const [ownNode, theirNode] = batch.slice(map.length, map.length + 2);
      expect(ownNode).toMatchObject({ id: own.score.id, value: 73.25, entry: null });
      expect(theirNode).toEqual({ id: theirs.score.id, value: 61.75, markingId: null, markingCode: null, entry: null });
      coded.push(ownNode, theirNode);
      const entryNodes = batch.slice(map.length + 2);
      for (const e of entryNodes) expect(holds(e, identity.tokens).length).toBeGreaterThan(0);
      for (const e of entryNodes) expect(holds(e, secret)).toEqual([]);
      await marks.waitFor((d) => d.scoreSubmitted.score.value === 61.75);
      const paperEvents = marks.results.filter((r) => r.data?.scoreSubmitted.score.criterion.id === paper).map((r) => r.data!.scoreSubmitted.score);
      expect(paperEvents).toEqual([
        { id: own.score.id, value: 73.25, markingId: mine.markingId, markingCode: mine.code, criterion: { id: paper }, entry: null },
        { id: theirs.score.id, value: 61.75, markingId: null, markingCode: null, criterion: { id: paper }, entry: null },
      ]);
      coded.push(...paperEvents);
      for (const a of coded) expect(holds(a, identity.tokens)).toEqual([]);

      // Wrong submissions: the refusals name neither an entry nor a code.
      const conflicted = map.find((m) => m.entry.id === w.f.entries[0]!.id)!;
      const refusals = [
        await submit(t, judge.token, { entryId: w.f.entries[1]!.id, criterionId: paper, value: 50 }),
        await submit(t, judge.token, { markingId: mine.markingId, criterionId: practical, value: 10 }),
        await submit(t, w.conflicted.token, { markingId: conflicted.markingId, criterionId: paper, value: 50 }),
        await submit(t, judge.token, { markingId: mine.markingId, criterionId: paper, value: 500 }),
      ];
      for (const r of refusals) {
        expect(r.userErrors.length).toBeGreaterThan(0);
        expect(holds(r.userErrors, [...identity.tokens, ...secret])).toEqual([]);
      }

      // The scoreboard page carries no data of its own; the CSV is not the judge's.
      const base = t.url.replace(/\/graphql$/, '');
      const page = await (await fetch(`${base}/scoreboard/${w.f.competitionId}`)).text();
      expect(page).toContain('<html');
      expect(holds(page, secret)).toEqual([]);
      const csv = await fetch(`${base}/competitions/${w.f.competitionId}/results.csv`, { headers: { authorization: `Bearer ${judge.token}` } });
      expect(csv.status).toBe(403);
      expect(holds(await csv.text(), [...identity.tokens, ...secret])).toEqual([]);
    } finally {
      await client.dispose();
    }
  }, 120_000); // the whole walk: many reads and two subscriptions
});

describe('the panel names no colleague’s scope, enterprise or reasons to a judge', () => {
  it('a substitute’s entries and a conflicted colleague’s enterprise are the jury’s and the seat holder’s alone', async () => {
    const w = await anonymousWorld(t);
    const substitute = await t.user([Role.JUDGE]);
    await mutate(t, w.f.organizer.token, 'assignJudge', 'AssignJudgeInput', {
      competitionId: w.f.competitionId, userId: substitute.globalId, stageIds: [w.paper, w.practical], entryIds: [w.f.entries[0]!.id], reason: '1号选手回避替补',
    }, 'assignment { id }');
    const PANEL = `query($id: ID!) { competition(id: $id) { judges(first: 100) { nodes { user { id } enterprise { id } entryIds reason } } } }`;
    const panel = async (token: string) => {
      const seats: { user: { id: string }; enterprise: { id: string } | null; entryIds: string[] | null; reason: string | null }[] =
        ok(await t.gql(PANEL, { id: w.f.competitionId }, token)).competition.judges.nodes;
      return new Map(seats.map((s) => [s.user.id, { enterprise: s.enterprise !== null, entryIds: s.entryIds, reason: s.reason }]));
    };
    const sub = { enterprise: false, entryIds: [w.f.entries[0]!.id], reason: '1号选手回避替补' };
    // The organizer and the chief judge (the jury) read every seat.
    for (const token of [w.f.organizer.token, w.f.judges[0]!.token]) {
      const all = await panel(token);
      expect(all.get(substitute.globalId)).toEqual(sub);
      expect(all.get(w.conflicted.globalId)).toEqual({ enterprise: true, entryIds: null, reason: '补充裁判' });
    }
    // A judge reads colleagues' seats without scope, enterprise or reason; the seat holders read their own.
    const judge = await panel(w.f.judges[1]!.token);
    expect(judge.size).toBe(5);
    for (const id of [substitute.globalId, w.conflicted.globalId]) expect(judge.get(id)).toEqual({ enterprise: false, entryIds: null, reason: null });
    expect((await panel(substitute.token)).get(substitute.globalId)).toEqual(sub);
    const own = await panel(w.conflicted.token);
    expect(own.get(w.conflicted.globalId)).toEqual({ enterprise: true, entryIds: null, reason: '补充裁判' });
    expect(own.get(substitute.globalId)).toEqual({ enterprise: false, entryIds: null, reason: null });
  });
});

describe('leaving the panel changes the live board at once, and never to one with the anonymous stage', () => {
  it('a removed judge keeps the sealed, anonymized board; a removed chief judge drops from the full board to it', async () => {
    const w = await anonymousWorld(t);
    await issue(t, w);
    const paper = w.f.stages[0]!.criteria[0]!.id;
    const slip = (await markingList(t, w.paper, w.f.judges[1]!.token)).nodes[0];
    expect((await submit(t, w.f.judges[1]!.token, { markingId: slip.markingId, criterionId: paper, value: 90 })).userErrors).toEqual([]);
    const SUB = `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) { version sealedStageIds rows(first: 1000) { nodes { displayName stageTotals { score } } } } }`;
    const look = (b: { sealedStageIds: string[]; rows: { nodes: { displayName: string | null; stageTotals: { score: number | null }[] }[] } }) => ({
      sealed: b.sealedStageIds.length > 0,
      names: b.rows.nodes.some((r) => r.displayName !== null),
      paperScores: b.rows.nodes.some((r) => r.stageTotals[0]!.score !== null),
    });
    const chief = wsClient(t.wsUrl, w.f.judges[0]!.token);
    const judge = wsClient(t.wsUrl, w.f.judges[2]!.token);
    try {
      const subs = { chief: record<any>(chief, SUB, { id: w.f.competitionId }), judge: record<any>(judge, SUB, { id: w.f.competitionId }) };
      await boardSubscribers(t, w.f.competitionId, 2);
      const next = async (who: 'chief' | 'judge', n: number) => look((await subs[who].waitFor(() => subs[who].results.length > n)) && subs[who].results[n]!.data!.leaderboardUpdated);
      await submit(t, w.f.judges[2]!.token, { entryId: w.f.entries[1]!.id, criterionId: w.f.stages[1]!.criteria[0]!.id, value: 20 });
      expect(await next('chief', 0)).toEqual({ sealed: false, names: false, paperScores: true });
      expect(await next('judge', 0)).toEqual({ sealed: true, names: false, paperScores: false });
      for (const j of [w.f.judges[0]!, w.f.judges[2]!]) {
        await mutate(t, w.f.organizer.token, 'unassignJudge', 'UnassignJudgeInput', { competitionId: w.f.competitionId, userId: j.globalId, reason: '回避' }, 'assignment { id }');
      }
      expect(await next('chief', 1)).toEqual({ sealed: true, names: false, paperScores: false });
      expect(await next('judge', 1)).toEqual({ sealed: true, names: false, paperScores: false });
    } finally {
      await Promise.all([chief.dispose(), judge.dispose()]);
    }
  });
});

describe('independent marking does not tie a code to an entry', () => {
  it('a colleague’s mark on a paper shows once the judge marked that paper, whatever they marked at the station; corrections are answered alike', async () => {
    const w = await anonymousWorld(t);
    await issue(t, w);
    const [judge, colleague] = [w.f.judges[1]!, w.f.judges[2]!];
    const paper = w.f.stages[0]!.criteria[0]!.id;
    const map = (await codeMap(t, w.paper, w.officer.token))!.nodes;
    const codeOf = (entry: number) => map.find((m) => m.entry.id === w.f.entries[entry]!.id)!;
    const papers = [codeOf(1), codeOf(2)];
    const colleagueMarks: string[] = [];
    for (const code of papers) {
      expect((await submit(t, judge.token, { markingId: code.markingId, criterionId: paper, value: 70 })).userErrors).toEqual([]);
      const theirs = await submit(t, colleague.token, { markingId: code.markingId, criterionId: paper, value: 80 });
      expect(theirs.userErrors).toEqual([]);
      colleagueMarks.push(theirs.score.id);
    }
    const seen = async () => Promise.all(colleagueMarks.map(async (id) => ok(await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, judge.token)).node !== null));
    // Counted with the station's criteria, neither would show until the judge marked that entry at the station,
    // and the one that then turned visible would name the code's entry.
    expect(await seen()).toEqual([true, true]);
    expect((await submit(t, judge.token, { entryId: w.f.entries[1]!.id, criterionId: w.f.stages[1]!.criteria[0]!.id, value: 30 })).userErrors).toEqual([]);
    expect(await seen()).toEqual([true, true]);
    const corrections = [];
    for (const code of papers) {
      corrections.push((await submit(t, judge.token, { markingId: code.markingId, criterionId: paper, value: 71, reason: '复查' })).userErrors.map((e: { code: string }) => e.code));
    }
    expect(corrections[0]).toEqual(['APPROVAL_REQUIRED']);
    expect(corrections[1]).toEqual(corrections[0]);
  });
});
