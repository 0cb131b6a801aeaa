import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition } from '../helpers/competition';
import { record, subscriptionsActive, wsClient, wsRequest } from '../helpers/ws';

/* What the socket must refuse even though it bypasses Apollo's HTTP pipeline. */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code } } }`;
const MARKS = `subscription($id: ID!) { scoreSubmitted(competitionId: $id) { score { value } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

/** Until the server holds no scoreSubmitted subscription (subscriptionsActive only waits for at least n). */
async function noMarkStreams(): Promise<void> {
  const open = async () => (await t.server.app.metrics.subscriptions.get()).values.some((v) => v.labels.field === 'scoreSubmitted' && v.value > 0);
  while (await open()) await new Promise((r) => setTimeout(r, 10));
}

it('stops streaming marks to a judge taken off the panel, without a reconnect', async () => {
  const f = await setupCompetition(t, { judges: 2 });
  const removed = wsClient(t.wsUrl, f.judges[1]!.token);
  try {
    const marks = record<any>(removed, MARKS, { id: f.competitionId });
    await subscriptionsActive(t, 'scoreSubmitted', 1);
    const criterionId = f.stages[0]!.criteria[0]!.id;
    ok(await t.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId, value: 50 } }, f.judges[0]!.token));
    expect((await marks.waitFor(() => true)).scoreSubmitted.score.value).toBe(50);
    await mutate(t, f.organizer.token, 'unassignJudge', 'UnassignJudgeInput', { competitionId: f.competitionId, userId: f.judges[1]!.globalId, reason: '回避' }, 'assignment { id }');
    ok(await t.gql(SUBMIT, { input: { entryId: f.entries[1]!.id, criterionId, value: 61 } }, f.judges[0]!.token));
    // The refusal comes as the stream's next result (data null), which waitFor does not match.
    const deadline = Date.now() + 10_000;
    while (marks.results.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const after = marks.results[1]!;
    expect(after.data?.scoreSubmitted ?? null).toBeNull();
    expect(JSON.stringify(after.errors)).toMatch(/FORBIDDEN|no longer/);
  } finally {
    await removed.dispose();
  }
});

it('streams to a judge only the marks of the stages they judge', async () => {
  const f = await setupCompetition(t, { judges: 2 });
  const [theory, practice] = [f.stages[0]!, f.stages[1]!];
  await mutate(t, f.organizer.token, 'assignJudge', 'AssignJudgeInput', { competitionId: f.competitionId, userId: f.judges[1]!.globalId, stageIds: [theory.id], reason: '分工调整' }, 'assignment { id }');
  await noMarkStreams(); // the previous test's socket closes on its own time; its stream would count as this one's
  const client = wsClient(t.wsUrl, f.judges[1]!.token);
  try {
    const marks = record<any>(client, `subscription($id: ID!) { scoreSubmitted(competitionId: $id) { score { value criterion { id } } } }`, { id: f.competitionId });
    await subscriptionsActive(t, 'scoreSubmitted', 1);
    ok(await t.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId: practice.criteria[0]!.id, value: 41 } }, f.judges[0]!.token));
    ok(await t.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId: theory.criteria[0]!.id, value: 77 } }, f.judges[0]!.token));
    expect((await marks.waitFor(() => true)).scoreSubmitted.score.value).toBe(77);
    await new Promise((r) => setTimeout(r, 150));
    expect(marks.results.map((r) => r.data?.scoreSubmitted.score.value)).toEqual([77]);
  } finally {
    await client.dispose();
  }
});

it('refuses the NUL character over the socket as over HTTP', async () => {
  const client = wsClient(t.wsUrl);
  try {
    const res = await wsRequest(client, `mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { email: 'a\u0000b@example.cn', password: 'x' } }).catch((e) => ({ errors: e }));
    expect(JSON.stringify(res.errors)).toMatch(/BAD_USER_INPUT/);
  } finally {
    await client.dispose();
  }
});
