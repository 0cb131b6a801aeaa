import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate, setupCompetition } from '../helpers/competition';

/** The registration deadline (报名截止): enforced on registerEntry, moved only with a recorded reason once passed. */
const REGISTER = `mutation($input: RegisterEntryInput!) { registerEntry(input: $input) { entry { id } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateCompetitionInput!) { updateCompetition(input: $input) { competition { registrationDeadline } userErrors { code field message } } }`;
const EXTEND = `mutation($input: ExtendRegistrationDeadlineInput!) { extendRegistrationDeadline(input: $input) {
  competition { registrationDeadline status transitions(orderBy: { field: AT, direction: DESC }, first: 1) { nodes { from to reason } } } userErrors { code field message } } }`;
const CREATE = `mutation($input: CreateCompetitionInput!) { createCompetition(input: $input) { competition { id } userErrors { code field message } } }`;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

describe('registration deadline', () => {
  it('refuses to create a competition whose deadline has already passed', async () => {
    const o = await t.user([Role.ORGANIZER]);
    const res = ok(await t.gql(CREATE, { input: {
      title: '过期报名', kind: 'SKILLS_COMPETITION', level: 'CITY', trade: '焊工',
      registrationDeadline: iso(Date.now() - DAY), startsAt: iso(Date.now() + DAY), endsAt: iso(Date.now() + 2 * DAY),
    } }, o.token)).createCompetition;
    expect(res.competition).toBeNull();
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'registrationDeadline'] })]);
  });

  it('refuses entries after the deadline; the organizer extends it with a reason, recorded, and entries come in again', async () => {
    const f = await setupCompetition(t, { entries: 0, judges: 0, until: 'REGISTRATION_OPEN' });
    const token = f.organizer.token;
    const deadline = Date.now() + 1500;
    const set = ok(await t.gql(UPDATE, { input: {
      competitionId: f.competitionId, registrationDeadline: iso(deadline), startsAt: iso(Date.now() + 10 * DAY), endsAt: iso(Date.now() + 11 * DAY),
    } }, token)).updateCompetition;
    expect(set.userErrors).toEqual([]);
    const enterprise = await createEnterprise(t, token);
    const worker = await createWorker(t, token, enterprise.id, { trade: '焊工', skillLevel: 'SENIOR' });
    // Wait until the deadline is behind us (the refusal below does not depend on how long we wait past it).
    while (Date.now() <= deadline + 100) await new Promise((r) => setTimeout(r, 100));

    const late = ok(await t.gql(REGISTER, { input: { competitionId: f.competitionId, workerIds: [worker.id] } }, token)).registerEntry;
    expect(late.entry).toBeNull();
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'competitionId'] })]);

    // The plain update path no longer moves a passed deadline.
    const moved = ok(await t.gql(UPDATE, { input: { competitionId: f.competitionId, registrationDeadline: iso(Date.now() + DAY) } }, token)).updateCompetition;
    expect(moved.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'registrationDeadline'] })]);

    const later = iso(Date.now() + 2 * DAY);
    const extend = (input: Record<string, unknown>, as: string | null = token) => t.gql(EXTEND, { input: { competitionId: f.competitionId, ...input } }, as);
    // Denials and bad input change nothing.
    expect(errorCode(await extend({ registrationDeadline: later, reason: '补报' }, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await extend({ registrationDeadline: later, reason: '补报' }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    expect(errorCode(await extend({ registrationDeadline: later, reason: '补报' }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
    expect(ok(await extend({ registrationDeadline: later, reason: ' ' })).extendRegistrationDeadline.userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
    expect(ok(await extend({ registrationDeadline: iso(Date.now() - DAY), reason: '补报' })).extendRegistrationDeadline.userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'registrationDeadline'] })]);
    expect(ok(await extend({ registrationDeadline: iso(Date.now() + 20 * DAY), reason: '补报' })).extendRegistrationDeadline.userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'registrationDeadline'] })]); // after startsAt

    const done = ok(await extend({ registrationDeadline: later, reason: '部分企业通知晚到，延期补报' })).extendRegistrationDeadline;
    expect(done.userErrors).toEqual([]);
    expect(done.competition.registrationDeadline).toBe(later);
    expect(done.competition.transitions.nodes[0]).toEqual({
      from: 'REGISTRATION_OPEN', to: 'REGISTRATION_OPEN', reason: expect.stringContaining('部分企业通知晚到，延期补报'),
    });
    expect(done.competition.transitions.nodes[0].reason).toContain(later);

    const inTime = await mutate(t, token, 'registerEntry', 'RegisterEntryInput', { competitionId: f.competitionId, workerIds: [worker.id] }, 'entry { id }');
    expect(inTime.entry.id).toBeTruthy();
  });
});
