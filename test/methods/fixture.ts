import { Role } from '../../src/auth/role';
import { mutate } from '../helpers/competition';
import { setupStudio } from '../helpers/studio';
import { createEnterprise, createWorker } from '../helpers/registry';
import { ok, type TestServer } from '../helpers/server';

export type Account = { id: string; globalId: string; token: string };

export const METHOD_FIELDS = `id proposedName officialName status trade summary steps expectedBenefit inventorNames submittedAt namedAt rejectedAt rejectionReason`;

/** Runs a mutation; returns the payload (userErrors included) and fails on GraphQL errors. */
export async function run(t: TestServer, name: string, inputType: string, input: Record<string, unknown>, selection: string, token: string | null): Promise<any> {
  const res = ok(await t.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { code field message } } }`, { input }, token));
  return res[name];
}

/** The same, expecting success. */
export async function must(t: TestServer, name: string, inputType: string, input: Record<string, unknown>, selection: string, token: string): Promise<any> {
  const payload = await run(t, name, inputType, input, selection, token);
  if (payload.userErrors.length) throw new Error(`${name}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

export const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;

/**
 * People and places for method tests: inventors in the inventors' enterprise, three reviewers each
 * in their own enterprise, an accredited studio (of another enterprise) managed by `manager`.
 */
export interface MethodWorld {
  admin: Account;
  organizer: Account;
  manager: Account;
  inventorsEnterprise: { id: string; name: string };
  lead: { id: string; name: string };
  coInventor: { id: string; name: string };
  reviewers: (Account & { workerId: string; enterpriseId: string })[];
  studioId: string;
}

let seq = 0;

/** An accredited studio through the studio API (its own enterprise and leader); `then` moves it on by re-evaluation. */
export async function studioOf(t: TestServer, manager: Account, admin: Account, then?: 'SUSPEND' | 'REVOKE'): Promise<{ studioId: string; enterpriseId: string; reviewerToken: string }> {
  const f = await setupStudio(t, { manager, admin, members: 0 });
  if (then) await mutate(t, f.reviewer.token, 'reevaluateStudio', 'ReevaluateStudioInput', { studioId: f.studioId, decision: then, comment: '复评不合格' }, 'studio { status }');
  return { studioId: f.studioId, enterpriseId: f.enterpriseId, reviewerToken: f.reviewer.token };
}

export async function reviewerIn(t: TestServer, organizer: Account, enterpriseId?: string) {
  const ent = enterpriseId ?? (await createEnterprise(t, organizer.token)).id;
  const w = await createWorker(t, organizer.token, ent);
  const u = await t.user([Role.REVIEWER], { workerId: w.id });
  return { ...u, workerId: w.id, enterpriseId: ent };
}

export async function methodWorld(t: TestServer): Promise<MethodWorld> {
  const admin = await t.user([Role.ADMIN]);
  const organizer = await t.user([Role.ORGANIZER]);
  const manager = await t.user([Role.STUDIO_MANAGER]);
  const inventorsEnterprise = await createEnterprise(t, organizer.token);
  const n = ++seq;
  const lead = await createWorker(t, organizer.token, inventorsEnterprise.id, { name: `王晓明${n}` });
  const coInventor = await createWorker(t, organizer.token, inventorsEnterprise.id, { name: `李红${n}` });
  const reviewers = [await reviewerIn(t, organizer), await reviewerIn(t, organizer), await reviewerIn(t, organizer)];
  const { studioId } = await studioOf(t, manager, admin);
  return { admin, organizer, manager, inventorsEnterprise, lead, coInventor, reviewers, studioId };
}

export function methodInput(w: MethodWorld, over: Record<string, unknown> = {}) {
  return {
    proposedName: '高效焊接法',
    inventorWorkerIds: [w.lead.id, w.coInventor.id],
    studioId: w.studioId,
    trade: '焊工',
    summary: '薄板焊接变形控制',
    steps: ['预热', '分段退焊', '锤击消应力'],
    expectedBenefit: '返修率下降一半',
    ...over,
  };
}

export const submit = (t: TestServer, input: Record<string, unknown>, token: string | null) =>
  run(t, 'submitOperatingMethod', 'SubmitOperatingMethodInput', input, `method { ${METHOD_FIELDS} }`, token);
export const assign = (t: TestServer, methodId: string, reviewerUserIds: string[], token: string | null) =>
  run(t, 'assignMethodReviewers', 'AssignMethodReviewersInput', { methodId, reviewerUserIds }, 'method { id status reviewers { id displayName } }', token);
export const review = (t: TestServer, input: Record<string, unknown>, token: string | null) =>
  run(t, 'reviewOperatingMethod', 'ReviewOperatingMethodInput', input, 'corrected review { id innovation practicality benefit promotability total comment recommend reviewerName revisions { nodes { total comment recommend givenAt replacedAt } } } method { id status }', token);
export const nameIt = (t: TestServer, methodId: string, officialName: string, token: string | null) =>
  run(t, 'nameOperatingMethod', 'NameOperatingMethodInput', { methodId, officialName }, 'method { id status officialName namedAt }', token);
export const reject = (t: TestServer, methodId: string, reason: string, token: string | null) =>
  run(t, 'rejectOperatingMethod', 'RejectOperatingMethodInput', { methodId, reason }, 'method { id status rejectedAt rejectionReason }', token);
export const adopt = (t: TestServer, input: Record<string, unknown>, token: string | null) =>
  run(t, 'recordMethodAdoption', 'RecordMethodAdoptionInput', input, 'adoption { id adoptedAt workersTrained economicBenefit enterprise { id } method { id } } method { id adoptionSummary { enterprises workersTrained economicBenefit } }', token);

export function scores(total: [number, number, number, number], over: Record<string, unknown> = {}) {
  const [innovation, practicality, benefit, promotability] = total;
  return { innovation, practicality, benefit, promotability, comment: '可推广', recommend: true, ...over };
}

/** A method submitted by the manager through the studio, with the world's three reviewers assigned. */
export async function methodUnderReview(t: TestServer, w: MethodWorld, over: Record<string, unknown> = {}): Promise<string> {
  const m = await must(t, 'submitOperatingMethod', 'SubmitOperatingMethodInput', methodInput(w, over), 'method { id }', w.manager.token);
  await must(t, 'assignMethodReviewers', 'AssignMethodReviewersInput', { methodId: m.method.id, reviewerUserIds: w.reviewers.map((r) => r.globalId) }, 'method { id }', w.admin.token);
  return m.method.id;
}

/** Under review with one review per reviewer at these sub-scores. */
export async function methodReviewed(t: TestServer, w: MethodWorld, marks: [number, number, number, number][], over: Record<string, unknown> = {}): Promise<string> {
  const id = await methodUnderReview(t, w, over);
  for (const [i, m] of marks.entries()) {
    await must(t, 'reviewOperatingMethod', 'ReviewOperatingMethodInput', { methodId: id, ...scores(m) }, 'review { id }', w.reviewers[i]!.token);
  }
  return id;
}
