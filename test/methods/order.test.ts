import { ok, startTestServer, type TestServer } from '../helpers/server';
import { methodInput, methodWorld, must, type MethodWorld } from './fixture';

let t: TestServer;
let w: MethodWorld;
beforeAll(async () => {
  t = await startTestServer();
  w = await methodWorld(t);
  // Submitted in this order; names chosen so pinyin order (bao, chen, zhang) differs from it.
  for (const proposedName of ['张氏车削法', '包装快换法', '陈式焊接法']) {
    await must(t, 'submitOperatingMethod', 'SubmitOperatingMethodInput', methodInput(w, { proposedName }), 'method { id }', w.manager.token);
  }
});
afterAll(() => t.close());

const LIST = `query($first: Int, $after: String, $orderBy: OperatingMethodOrder) {
  operatingMethods(first: $first, after: $after, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } nodes { proposedName } } }`;

/** Every name in list order, two at a time (so there is always a second page). */
async function names(orderBy?: Record<string, unknown>): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 5; guard++) {
    const page: any = ok(await t.gql(LIST, { first: 2, after, orderBy }, w.admin.token)).operatingMethods;
    expect(page.totalCount).toBe(3);
    out.push(...page.nodes.map((n: any) => n.proposedName));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
  throw new Error('did not end');
}

describe('operatingMethods orderBy', () => {
  it('orders by proposed name in pinyin order, both ways, across pages', async () => {
    expect(await names({ field: 'PROPOSED_NAME' })).toEqual(['包装快换法', '陈式焊接法', '张氏车削法']);
    expect(await names({ field: 'PROPOSED_NAME', direction: 'DESC' })).toEqual(['张氏车削法', '陈式焊接法', '包装快换法']);
  });

  it('orders by submission, newest first when not asked otherwise', async () => {
    expect(await names()).toEqual(['陈式焊接法', '包装快换法', '张氏车削法']);
    expect(await names({ field: 'SUBMITTED_AT' })).toEqual(['张氏车削法', '包装快换法', '陈式焊接法']);
    expect(await names({ field: 'SUBMITTED_AT', direction: 'DESC' })).toEqual(['陈式焊接法', '包装快换法', '张氏车削法']);
  });

});
