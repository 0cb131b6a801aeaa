import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { toGlobalId } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';

/* linkUserToWorker: an account tied to its registry record (which is how conflicts of interest are found). */
const LINK = `mutation($input: LinkUserToWorkerInput!) { linkUserToWorker(input: $input) { user { id worker { id name } } userErrors { code field message } } }`;

let t: TestServer;
let admin: string;
let judge: { globalId: string; token: string };
let worker: { id: string; name: string };
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  judge = await t.user([Role.JUDGE]);
  worker = await createWorker(t, admin, (await createEnterprise(t, admin)).id, { name: '林志强' });
});
afterAll(async () => t.close());

it('links a user to a worker and unlinks them again', async () => {
  const linked = ok(await t.gql(LINK, { input: { userId: judge.globalId, workerId: worker.id } }, admin)).linkUserToWorker;
  expect(linked).toMatchObject({ userErrors: [], user: { id: judge.globalId, worker: { id: worker.id, name: '林志强' } } });
  const unlinked = ok(await t.gql(LINK, { input: { userId: judge.globalId } }, admin)).linkUserToWorker;
  expect(unlinked).toMatchObject({ userErrors: [], user: { worker: null } });
});

it('names an unknown worker or user in a userError and changes nothing', async () => {
  ok(await t.gql(LINK, { input: { userId: judge.globalId, workerId: worker.id } }, admin));
  const gone = ok(await t.gql(LINK, { input: { userId: judge.globalId, workerId: toGlobalId('Worker', randomUUID()) } }, admin)).linkUserToWorker;
  expect(gone.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'workerId'] })]);
  const wrongType = ok(await t.gql(LINK, { input: { userId: judge.globalId, workerId: judge.globalId } }, admin)).linkUserToWorker;
  expect(wrongType.userErrors).toHaveLength(1);
  const noUser = ok(await t.gql(LINK, { input: { userId: toGlobalId('User', randomUUID()), workerId: worker.id } }, admin)).linkUserToWorker;
  expect(noUser.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  const still = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on User { worker { id } } } }`, { id: judge.globalId }, admin)).node;
  expect(still.worker).toEqual({ id: worker.id });
});

it('is for admins only', async () => {
  const input = { userId: judge.globalId, workerId: worker.id };
  expect(errorCode(await t.gql(LINK, { input }))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql(LINK, { input }, judge.token))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(LINK, { input }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
});
