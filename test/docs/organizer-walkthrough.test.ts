import { AuthService } from '../../src/auth/auth.service';
import { idOf } from '../../src/common/relay';
import { runWalkthrough } from '../../src/scripts/organizer-walkthrough';
import { ok, startTestServer, type TestServer } from '../helpers/server';

/*
 * docs/organizer-walkthrough.md's script, run as an operator would against a server on an empty
 * database whose only user is the bootstrap admin (made as src/main.ts makes it from
 * BOOTSTRAP_ADMIN_*). The script talks HTTP only; the one thing done beside it is the clock: when the
 * results are published, the appeal window's closing time is moved into the past, as its minute
 * elapsing would (test/competitions/appeals-setup.ts does the same), so the script's wait ends soon.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

it('goes from a bootstrap admin to a finalized competition and its results CSV', async () => {
  const email = 'admin@example.com';
  const password = 'change-me-now';
  const bootstrap = new AuthService(t.orm.em.fork(), t.server.app.tokens);
  expect(await bootstrap.bootstrapAdmin(email, password)).toBe(true);

  const lines: string[] = [];
  let competitionId: string | null = null;
  let windowWasOpen = false;
  const result = await runWalkthrough({
    url: t.url, email, password, appealWindowMinutes: 1, pollMs: 100, log: (l) => lines.push(l),
    onStep: async (key) => {
      if (key !== 'publish') return;
      // The script has just published: the window is open now, and only time (here: SQL) closes it.
      const [row] = await t.orm.em.fork().execute<{ id: string; open: boolean }[]>(
        `select id, appeal_window_closes_at > now() as open from competition order by created_at desc limit 1`);
      windowWasOpen = row!.open;
      competitionId = row!.id;
      await t.orm.em.fork().execute(`update competition set appeal_window_closes_at = now() - interval '1 second' where id = ?`, [row!.id]);
    },
  });

  expect(windowWasOpen).toBe(true);
  expect(idOf(result.competitionId, 'Competition')).toBe(competitionId);
  expect(result.status).toBe('FINALIZED');
  const state = ok(await t.gql(`query($id: ID!) { competition(id: $id) { status finalizedAt entries { totalCount } } }`, { id: result.competitionId })).competition;
  expect(state).toMatchObject({ status: 'FINALIZED', finalizedAt: expect.any(String), entries: { totalCount: 4 } });

  // The CSV: a header and one line per entry (no accepted gaps follow the table: marking was complete).
  const rows = result.csv.split('\r\n').filter((l) => l.length > 0);
  expect(rows).toHaveLength(1 + result.entryIds.length);
  expect(rows[0]).toContain('名次');
  expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['1', '2', '3', '4']);
  expect(result.csv).toContain('李建国');

  // Each step printed in both languages, numbered, ending with the download.
  expect(lines.length).toBeGreaterThanOrEqual(15);
  for (const l of lines) expect(l).toMatch(/^\s*\d+\. .*[\u4e00-\u9fff].* · [A-Za-z]/);
  expect(lines.at(-1)).toMatch(/CSV/);
}, 120_000);

it('stops at the first refusal with the server’s reason', async () => {
  await expect(runWalkthrough({ url: t.url, email: 'admin@example.com', password: 'wrong-password', log: () => {} }))
    .rejects.toThrow(/login: INVALID_CREDENTIALS/);
});
