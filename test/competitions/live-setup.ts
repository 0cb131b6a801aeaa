import pg from 'pg';
import { Role } from '../../src/auth/role';
import { LIVE_CHANNEL } from '../../src/live/events';
import { startTestServer, type TestServer } from '../helpers/server';

export type TestUser = Awaited<ReturnType<TestServer['user']>>;

export interface LiveSetup {
  t: TestServer;
  organizer: TestUser;
  /** Every payload NOTIFYed on the live channel since the file started (tests reset it with `events.length = 0`, after `caughtUp()`). */
  events: any[];
  /**
   * Resolves once every event committed before the call is in `events`. PostgreSQL delivers NOTIFYs
   * in commit order (one queue for all channels), so a marker sent now arrives after all of them;
   * a fixed sleep instead lost events on a loaded machine, or let a late one in after a reset.
   */
  caughtUp(): Promise<void>;
}

const BARRIER_CHANNEL = 'jx_test_barrier';
let barriers = 0;

/**
 * The set-up of the competition files that watch live events: a server, an ORGANIZER and a LISTENing
 * connection. Registers beforeAll/afterAll; `t` and `organizer` are set once beforeAll has run.
 */
export function organizerWithLiveEvents(): LiveSetup {
  const s = { events: [] as any[] } as LiveSetup;
  let listener: pg.Client;
  const arrived = new Set<string>();
  s.caughtUp = async () => {
    const marker = String(++barriers);
    await listener.query('SELECT pg_notify($1, $2)', [BARRIER_CHANNEL, marker]);
    // Bounded by the test's timeout: the marker always comes (the listener's own connection sent it).
    while (!arrived.delete(marker)) await new Promise((r) => setTimeout(r, 5));
  };
  beforeAll(async () => {
    s.t = await startTestServer();
    s.organizer = await s.t.user([Role.ORGANIZER]);
    listener = new pg.Client({ connectionString: s.t.orm.config.getClientUrl() });
    await listener.connect();
    listener.on('notification', (n) => {
      if (n.channel === BARRIER_CHANNEL) arrived.add(n.payload!);
      else s.events.push(JSON.parse(n.payload!));
    });
    await listener.query(`LISTEN ${LIVE_CHANNEL}`);
    await listener.query(`LISTEN ${BARRIER_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await s.t.close();
  });
  return s;
}

/** The uuid inside a global ID (what live events carry). */
export const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;
