import { Role } from '../../src/auth/role';
import { mutate, setupCompetition, signOffAndPublish, signOffStages } from '../helpers/competition';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { record, subscriptionsActive, wsClient } from '../helpers/ws';
import { BOARD, closeScoring, closeWindow, FILE, markAll, PUBLISH, STATUS } from './appeals-setup';

/*
 * Publication (成绩公示; issue 12 §5): the appeal settings, publishResults and the appeal window, and the
 * announcement of its close. Appeals themselves: appeals.test.ts.
 */
const UPDATE = `mutation($input: UpdateCompetitionInput!) { updateCompetition(input: $input) { competition { appealWindowMinutes arbitrationDeadlineMinutes } userErrors { code field message } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const fileOk = async (token: string, input: Record<string, unknown>) => ok(await t.gql(FILE, { input }, token)).fileAppeal;

describe('competition settings', () => {
  it('defaults to a 2-hour window and a 24-hour arbitration deadline; validates both; they may change until publication', async () => {
    const f = await setupCompetition(t, { entries: 1, judges: 1 });
    const read = async () => ok(await t.gql(`query($id: ID!) { competition(id: $id) { appealWindowMinutes arbitrationDeadlineMinutes } }`, { id: f.competitionId })).competition;
    expect(await read()).toEqual({ appealWindowMinutes: 120, arbitrationDeadlineMinutes: 1440 });

    const bad = ok(await t.gql(UPDATE, { input: { competitionId: f.competitionId, appealWindowMinutes: -1, arbitrationDeadlineMinutes: 0 } }, f.organizer.token)).updateCompetition;
    expect(bad.userErrors.map((e: { field: string[] }) => e.field)).toEqual([['input', 'appealWindowMinutes'], ['input', 'arbitrationDeadlineMinutes']]);
    // While IN_PROGRESS, the appeal settings still change (other rules do not).
    const good = ok(await t.gql(UPDATE, { input: { competitionId: f.competitionId, appealWindowMinutes: 0, arbitrationDeadlineMinutes: 60 } }, f.organizer.token)).updateCompetition;
    expect(good).toEqual({ competition: { appealWindowMinutes: 0, arbitrationDeadlineMinutes: 60 }, userErrors: [] });
    const mixed = ok(await t.gql(UPDATE, { input: { competitionId: f.competitionId, appealWindowMinutes: 30, teamSize: 2 } }, f.organizer.token)).updateCompetition;
    expect(mixed.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(await read()).toEqual({ appealWindowMinutes: 0, arbitrationDeadlineMinutes: 60 });

    const created = await mutate(t, f.organizer.token, 'createCompetition', 'CreateCompetitionInput', {
      title: '岗位练兵', kind: 'JOB_DRILL', level: 'CITY', trade: '焊工', hostEnterpriseId: f.hostEnterpriseId,
      startsAt: '2026-05-10T00:00:00.000Z', endsAt: '2026-05-11T00:00:00.000Z', appealWindowMinutes: 0, arbitrationDeadlineMinutes: 30,
    }, 'competition { appealWindowMinutes arbitrationDeadlineMinutes }');
    expect(created.competition).toEqual({ appealWindowMinutes: 0, arbitrationDeadlineMinutes: 30 });
  });
});

describe('publishResults (成绩公示)', () => {
  it('is refused with one userError per unsigned stage, naming it; denied to other organizers and judges; then publishes, opens the window and lifts a freeze', async () => {
    const f = await setupCompetition(t, { entries: 2, judges: 3 });
    await markAll(t, f);
    await mutate(t, f.organizer.token, 'freezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'leaderboard { frozen }');
    await closeScoring(t, f);

    const other = await t.user([Role.ORGANIZER]);
    expect(errorCode(await t.gql(PUBLISH, { input: { competitionId: f.competitionId } }, other.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(PUBLISH, { input: { competitionId: f.competitionId } }, f.judges[0]!.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(PUBLISH, { input: { competitionId: f.competitionId } }))).toBe('UNAUTHENTICATED');

    await signOffStages(t, f, [f.stages[0]!.id]);
    const refused = ok(await t.gql(PUBLISH, { input: { competitionId: f.competitionId } }, f.organizer.token)).publishResults;
    expect(refused.competition).toBeNull();
    expect(refused.userErrors).toHaveLength(1);
    expect(refused.userErrors[0]).toEqual(expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'competitionId'] }));
    expect(refused.userErrors[0].message).toContain(`“${f.stages[1]!.name}”`);
    expect(ok(await t.gql(STATUS, { id: f.competitionId })).competition).toEqual({ status: 'SCORING_CLOSED', appealWindowOpen: false, resultsPublishedAt: null, appealWindowClosesAt: null });
    expect(ok(await t.gql(BOARD, { id: f.competitionId })).competition.leaderboard.frozen).toBe(true);

    await signOffStages(t, f, [f.stages[1]!.id]);
    const client = wsClient(t.wsUrl);
    try {
      const sub = record<any>(client, `subscription($id: ID!) { competitionStatusChanged(competitionId: $id) { competition { status appealWindowOpen } } }`, { id: f.competitionId });
      await subscriptionsActive(t, 'competitionStatusChanged', 1);
      const published = ok(await t.gql(PUBLISH, { input: { competitionId: f.competitionId } }, f.organizer.token)).publishResults;
      expect(published.userErrors).toEqual([]);
      expect(published.competition.status).toBe('RESULTS_PUBLISHED');
      expect(published.competition.appealWindowOpen).toBe(true);
      const at = Date.parse(published.competition.resultsPublishedAt);
      expect(Date.parse(published.competition.appealWindowClosesAt) - at).toBe(120 * 60_000);
      await sub.waitFor((d) => d.competitionStatusChanged.competition.status === 'RESULTS_PUBLISHED');
      sub.stop();
    } finally {
      await client.dispose();
    }
    // The public now sees the provisional results themselves, not the board as frozen.
    expect(ok(await t.gql(BOARD, { id: f.competitionId })).competition.leaderboard.frozen).toBe(false);
    const again = ok(await t.gql(PUBLISH, { input: { competitionId: f.competitionId } }, f.organizer.token)).publishResults;
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    // Published: the window is fixed.
    const late = ok(await t.gql(UPDATE, { input: { competitionId: f.competitionId, appealWindowMinutes: 600 } }, f.organizer.token)).updateCompetition;
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });
});

describe('the close of the appeal window', () => {
  const SUB = `subscription($id: ID!) { competitionStatusChanged(competitionId: $id) { version competition { status appealWindowOpen } } }`;

  it('is announced to competitionStatusChanged subscribers once, right after publication when the window is 0', async () => {
    const f = await setupCompetition(t, { entries: 1, judges: 1 });
    await closeScoring(t, f);
    const client = wsClient(t.wsUrl);
    try {
      const sub = record<any>(client, SUB, { id: f.competitionId });
      await subscriptionsActive(t, 'competitionStatusChanged', 1);
      await signOffAndPublish(t, f);
      // Publication, then the closing (sign-offs before them announce too): two events of RESULTS_PUBLISHED.
      const published = () => sub.results.filter((r) => r.data?.competitionStatusChanged.competition.status === 'RESULTS_PUBLISHED');
      await sub.waitFor(() => published().length >= 2);
      await new Promise((r) => setTimeout(r, 300));
      expect(published()).toHaveLength(2);
      expect(published().map((r) => r.data.competitionStatusChanged.competition.appealWindowOpen)).toEqual([false, false]);
      sub.stop();
    } finally {
      await client.dispose();
    }
  });

  it('is announced by an instance started after the window closed, heard by subscribers of another instance', async () => {
    const f = await setupCompetition(t, { entries: 1, judges: 1 });
    await closeScoring(t, f);
    await signOffAndPublish(t, f, { appealWindowMinutes: 120 });
    expect(ok(await t.gql(STATUS, { id: f.competitionId })).competition.appealWindowOpen).toBe(true);
    const client = wsClient(t.wsUrl);
    try {
      const sub = record<any>(client, SUB, { id: f.competitionId });
      await subscriptionsActive(t, 'competitionStatusChanged', 1);
      await closeWindow(t, f);
      const second = await startTestServer({ shareWith: t });
      try {
        const heard = await sub.waitFor((d) => d.competitionStatusChanged.competition.status === 'RESULTS_PUBLISHED');
        expect(heard.competitionStatusChanged.competition.appealWindowOpen).toBe(false);
      } finally {
        await second.close();
      }
      sub.stop();
    } finally {
      await client.dispose();
    }
  });
});

describe('a competition without an appeal window', () => {
  it('takes no appeals and finalizes right after publication', async () => {
    const f = await setupCompetition(t, { entries: 1, judges: 1 });
    await markAll(t, f);
    await closeScoring(t, f);
    await signOffAndPublish(t, f);
    expect(ok(await t.gql(STATUS, { id: f.competitionId })).competition.appealWindowOpen).toBe(false);
    const refused = await fileOk(f.organizer.token, { entryId: f.entries[0]!.id, stageId: f.stages[0]!.id, grounds: '练兵不设申诉' });
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    await mutate(t, f.organizer.token, 'finalizeCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
  });
});

