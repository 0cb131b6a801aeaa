import pg from 'pg';
import { Role } from '../../src/auth/role';
import { LIVE_CHANNEL } from '../../src/live/events';
import { startTestServer, type TestServer } from '../helpers/server';

export type TestUser = Awaited<ReturnType<TestServer['user']>>;

export interface LiveSetup {
  t: TestServer;
  organizer: TestUser;
  /** Every payload NOTIFYed on the live channel since the file started (tests reset it with `events.length = 0`). */
  events: any[];
}

/**
 * The set-up of the competition files that watch live events: a server, an ORGANIZER and a LISTENing
 * connection. Registers beforeAll/afterAll; `t` and `organizer` are set once beforeAll has run.
 */
export function organizerWithLiveEvents(): LiveSetup {
  const s = { events: [] as any[] } as LiveSetup;
  let listener: pg.Client;
  beforeAll(async () => {
    s.t = await startTestServer();
    s.organizer = await s.t.user([Role.ORGANIZER]);
    listener = new pg.Client({ connectionString: s.t.orm.config.getClientUrl() });
    await listener.connect();
    listener.on('notification', (n) => s.events.push(JSON.parse(n.payload!)));
    await listener.query(`LISTEN ${LIVE_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await s.t.close();
  });
  return s;
}

/** The uuid inside a global ID (what live events carry). */
export const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;
