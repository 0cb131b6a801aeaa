import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { acceptMissingMarks, mutate, type CompetitionFixture } from '../helpers/competition';
import { createEnterprise, createWorker } from '../helpers/registry';
import type { TestServer } from '../helpers/server';

/*
 * What the publication and appeals tests share: GraphQL documents and the steps of a contest.
 * The appeal window is a clock: where a test needs it closed, closeWindow moves the recorded closing
 * time into the past, as the passing of the window's minutes would.
 */
export const PUBLISH = `mutation($input: CompetitionTransitionInput!) { publishResults(input: $input) {
  competition { id status resultsPublishedAt appealWindowClosesAt appealWindowOpen } userErrors { code field message } } }`;
export const FINALIZE = `mutation($input: CompetitionTransitionInput!) { finalizeCompetition(input: $input) { competition { status } userErrors { code field message } } }`;
export const STATUS = `query($id: ID!) { competition(id: $id) { status appealWindowOpen resultsPublishedAt appealWindowClosesAt } }`;
export const BOARD = `query($id: ID!) { competition(id: $id) { leaderboard { frozen rows(first: 1000) { nodes { entryId total changedOnAppeal } } } } }`;
export const FILE = `mutation($input: FileAppealInput!) { fileAppeal(input: $input) { existing appeal { id status deadline grounds overdue stage { id } criterion { id } } userErrors { code field message } } }`;

export type User = Awaited<ReturnType<TestServer['user']>>;

/** Every judge marks every entry: MEASUREMENT by the first judge, JUDGEMENT by each; `base + 5·entry + judge`. */
export async function markAll(t: TestServer, f: CompetitionFixture, base = 30): Promise<void> {
  for (const [ei, entry] of f.entries.entries()) {
    for (const stage of f.stages) {
      for (const c of stage.criteria) {
        const judges = c.kind === 'MEASUREMENT' ? [f.judges[0]!] : f.judges;
        for (const [ji, judge] of judges.entries()) {
          await mutate(t, judge.token, 'submitScore', 'SubmitScoreInput', { entryId: entry.id, criterionId: c.id, value: Math.min(c.maxScore, base + 5 * ei + ji) }, 'score { id }');
        }
      }
    }
  }
}

export async function closeScoring(t: TestServer, f: CompetitionFixture): Promise<void> {
  await acceptMissingMarks(t, f); // a step of its own in a contest (issue 12 §3); nothing when every mark is in
  await mutate(t, f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
}

/** The clock moves past the window: what the window's minutes elapsing would do. */
export async function closeWindow(t: TestServer, f: CompetitionFixture): Promise<void> {
  await t.orm.em.fork().execute(`update competition set appeal_window_closes_at = now() - interval '1 second' where id = ?`, [idOf(f.competitionId, 'Competition')]);
}

export const appoint = (t: TestServer, f: CompetitionFixture, user: { globalId: string }, duty: string, enterpriseId?: string) =>
  mutate(t, f.organizer.token, 'appointOfficial', 'AppointOfficialInput', { competitionId: f.competitionId, userId: user.globalId, duty, enterpriseId, reason: '仲裁与领队名单' }, 'official { id }');

/** A user linked to a new worker of the enterprise (any role: a worker link, not a role, makes an entrant). */
export async function workerUser(t: TestServer, f: CompetitionFixture, enterpriseId: string, roles: Role[] = [Role.REVIEWER]): Promise<User> {
  const worker = await createWorker(t, f.organizer.token, enterpriseId, { trade: '焊工' });
  return t.user(roles, { workerId: worker.id });
}

/** Judges off the panel, from an enterprise of their own: the re-markers. */
export async function neutralJudges(t: TestServer, f: CompetitionFixture, n: number): Promise<User[]> {
  const enterprise = await createEnterprise(t, f.organizer.token, { name: `复评裁判单位-${Date.now() % 1e6}` });
  const out: User[] = [];
  for (let i = 0; i < n; i++) out.push(await workerUser(t, f, enterprise.id, [Role.JUDGE]));
  return out;
}
