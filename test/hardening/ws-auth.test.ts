import WebSocket from 'ws';
import { Role } from '../../src/auth/role';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { record, wsClient, wsRequest } from '../helpers/ws';

/**
 * A socket's user is checked on every operation, and the socket is closed as soon as the user is
 * disabled, their token revoked or their roles changed, on whichever instance the change was made.
 * The periodic re-check is set to an hour: only the change notice and the per-operation check can act.
 */
let a: TestServer;
let b: TestServer;
let fx: CompetitionFixture;
let admin: { token: string };
beforeAll(async () => {
  a = await startTestServer({ limits: { wsAuthRecheckSeconds: 3600 } });
  b = await startTestServer({ shareWith: a, limits: { wsAuthRecheckSeconds: 3600 } });
  fx = await setupCompetition(a, { entries: 2, judges: 3 });
  admin = await a.user([Role.ADMIN]);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code } } }`;
const STATUS_SUB = `subscription($id: ID!) { competitionStatusChanged(competitionId: $id) { version } }`;
const SCORE_COUNT = `query($id: ID!) { node(id: $id) { ... on Competition { scoreLog { totalCount } } } }`;

interface Frame { id?: string; type: string; payload?: any }

/** A graphql-transport-ws socket, initialised with a token, that records every frame and how it closed. */
async function socket(url: string, token: string, acceptLanguage?: string) {
  const ws = new WebSocket(url, 'graphql-transport-ws', acceptLanguage ? { headers: { 'accept-language': acceptLanguage } } : {});
  const frames: Frame[] = [];
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
  ws.on('message', (m) => frames.push(JSON.parse(m.toString())));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await until(() => frames.some((f) => f.type === 'connection_ack'));
  return { ws, frames, closed };
}

async function scoreCount(): Promise<number> {
  return ok(await a.gql(SCORE_COUNT, { id: fx.competitionId }, fx.organizer.token)).node.scoreLog.totalCount;
}

describe('a socket whose user may no longer be served', () => {
  it('is closed on instance B at once when the user is disabled on instance A, and a mark sent on it is refused', async () => {
    const judge = fx.judges[0]!;
    const s = await socket(b.wsUrl, judge.token);
    const before = await scoreCount();
    const res = ok(await a.gql(`mutation($id: ID!) { disableUser(input: { userId: $id }) { userErrors { code } } }`, { id: judge.globalId }, admin.token));
    expect(res.disableUser.userErrors).toEqual([]);
    // Sent right away: the disabling is committed, whether or not the notice has reached B yet.
    const input = { entryId: fx.entries[0]!.id, criterionId: fx.stages[0]!.criteria[0]!.id, value: 80 };
    s.ws.send(JSON.stringify({ id: 'm1', type: 'subscribe', payload: { query: SUBMIT, variables: { input } } }));
    const closed = await s.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toBe('账号已停用，请联系管理员');
    expect(s.frames.filter((f) => f.id === 'm1' && f.type === 'next')).toEqual([]);
    expect(await scoreCount()).toBe(before);
  });

  it('is closed at once when the password is changed through the other instance (token revoked)', async () => {
    const judge = await a.user([Role.JUDGE]);
    // The handshake asks for English: the close reason, sent before any operation, is in English.
    const s = await socket(b.wsUrl, judge.token, 'en-GB,en;q=0.9');
    const changed = ok(await a.gql(`mutation { changePassword(input: { currentPassword: "password-123", newPassword: "password-456" }) { userErrors { code } } }`, {}, judge.token));
    expect(changed.changePassword.userErrors).toEqual([]);
    expect(await s.closed).toMatchObject({ code: 4401, reason: 'Your session was revoked (password changed or account re-enabled): log in again' });
  });

  it('is closed at once when its roles change on the other instance, while other users’ sockets stay open', async () => {
    const organizer = await a.user([Role.ORGANIZER]);
    const bystander = await a.user([Role.ORGANIZER]);
    const s = await socket(b.wsUrl, organizer.token);
    const other = wsClient(b.wsUrl, bystander.token);
    try {
      const sub = record(other, STATUS_SUB, { id: fx.competitionId });
      const upd = ok(await a.gql(`mutation($id: ID!) { updateUserRoles(input: { userId: $id, roles: [REVIEWER] }) { userErrors { code } } }`, { id: organizer.globalId }, admin.token));
      expect(upd.updateUserRoles.userErrors).toEqual([]);
      expect(await s.closed).toMatchObject({ code: 4401, reason: '您的角色已变更，请重新连接' });
      // The bystander's socket serves on after the change went round.
      expect((await wsRequest(other, `{ viewer { id } }`)).data).toEqual({ viewer: { id: bystander.globalId } });
      expect(sub.error).toBeUndefined();
    } finally {
      await other.dispose();
    }
  });

  it('keeps serving queries and marks of a user in good standing on every operation', async () => {
    const judge = fx.judges[2]!;
    const c = wsClient(b.wsUrl, judge.token);
    try {
      const input = { entryId: fx.entries[1]!.id, criterionId: fx.stages[0]!.criteria[0]!.id, value: 70 };
      expect((await wsRequest(c, SUBMIT, { input })).data.submitScore.userErrors).toEqual([]);
      expect((await wsRequest(c, `{ viewer { id } }`)).data).toEqual({ viewer: { id: judge.globalId } });
    } finally {
      await c.dispose();
    }
  });
});

async function until(pred: () => boolean): Promise<void> {
  while (!pred()) await new Promise((r) => setTimeout(r, 10));
}
