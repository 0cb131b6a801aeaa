import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { call, createProject, must, world, type World } from './fixture';

let t: TestServer;
let w: World;
beforeAll(async () => {
  t = await startTestServer();
  w = await world(t);
});
afterAll(() => t.close());

const fund = (projectId: string, amount: unknown, over: Record<string, unknown> = {}) => ({
  projectId, sourceKind: 'GOVERNMENT', source: '市科技局', amount, receivedAt: '2026-04-01T08:00:00.000Z', ...over,
});

async function money(id: string): Promise<{ funding: { amount: string }[]; fundingTotal: string }> {
  const p = ok(await t.gql('query($id: ID!) { incubationProject(id: $id) { funding(first: 100) { nodes { amount sourceKind source receivedAt } } fundingTotal } }', { id }, w.manager.token))
    .incubationProject;
  return { ...p, funding: p.funding.nodes };
}

describe('funding in exact yuan', () => {
  it('0.10 + 0.20 is 0.30, and totals of large amounts lose no cent', async () => {
    const id = await createProject(t, w);
    expect((await money(id)).fundingTotal).toBe('0.00');
    const first = await must(t, w.manager.token, 'recordFunding', fund(id, '0.1'), 'funding { amount }');
    expect(first.funding.amount).toBe('0.10');
    const second = await must(t, w.manager.token, 'recordFunding', fund(id, '0.20'), 'funding { amount sourceKind source }');
    expect(second.funding).toEqual({ amount: '0.20', sourceKind: 'GOVERNMENT', source: '市科技局' });
    const m = await money(id);
    expect(m.funding.map((f) => f.amount)).toEqual(['0.10', '0.20']);
    expect(m.fundingTotal).toBe('0.30');

    const big = await createProject(t, w);
    for (const a of ['999999999999.99', '999999999999.99', '000.03']) await must(t, w.manager.token, 'recordFunding', fund(big, a), 'funding { id }');
    expect((await money(big)).fundingTotal).toBe('2000000000000.01');
  });

  it('refuses zero, negative, over-precise, malformed and future amounts with a userError naming the field, recording nothing', async () => {
    const id = await createProject(t, w);
    for (const amount of ['0', '0.00', '-5.00', '1.234', '1e3', 'abc', '', '1234567890123.00']) {
      const r = await call(t, w.manager.token, 'recordFunding', fund(id, amount), 'funding { id }');
      expect(r.payload).toMatchObject({ funding: null, userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'amount'] }] });
    }
    const future = await call(t, w.manager.token, 'recordFunding', fund(id, '10.00', { receivedAt: new Date(Date.now() + 86_400_000).toISOString() }), 'funding { id }');
    expect(future.payload.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'receivedAt'] }]);
    const blank = await call(t, w.manager.token, 'recordFunding', fund(id, '10.00', { source: ' ' }), 'funding { id }');
    expect(blank.payload.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'source'] }]);
    expect(await money(id)).toEqual({ funding: [], fundingTotal: '0.00' });
  });

  it('a JSON number is refused by the Decimal scalar before anything runs: money never travels as a float', async () => {
    const id = await createProject(t, w);
    const r = await call(t, w.manager.token, 'recordFunding', fund(id, 0.3), 'funding { id }');
    expect(errorCode(r.res)).toBe('BAD_USER_INPUT');
    expect((await money(id)).funding).toEqual([]);
  });
});
