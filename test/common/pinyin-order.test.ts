import { Role } from '../../src/auth/role';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';

/** Issue 13: names sort by pinyin through PostgreSQL's ICU collation (migration 20261206200000). */

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
});
afterAll(async () => t.close());

// By code point 张 (U+5F20) < 李 (U+674E) < 王 (U+738B) < 赵 (U+8D75) < 陈 (U+9648); by pinyin
// chen < li < wang < zhang < zhao.
const NAMES = ['张三', '李四', '王五', '赵六', '陈七'];
const PINYIN = ['陈七', '李四', '王五', '张三', '赵六'];

describe('names sort by pinyin', () => {
  let enterpriseId: string;
  beforeAll(async () => {
    enterpriseId = (await createEnterprise(t, admin)).id;
    for (const name of NAMES) await createWorker(t, admin, enterpriseId, { name });
  });

  const WORKERS = `query($e: ID!, $first: Int, $after: String, $last: Int, $before: String, $dir: SortDirection) {
    workers(first: $first, after: $after, last: $last, before: $before, filter: { enterpriseId: $e }, orderBy: { field: NAME, direction: $dir }) {
      nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

  it('orders workers by name 李 before 张, both ways', async () => {
    const asc = ok(await t.gql(WORKERS, { e: enterpriseId, first: 10 }, admin)).workers;
    expect(asc.nodes.map((n: { name: string }) => n.name)).toEqual(PINYIN);
    const desc = ok(await t.gql(WORKERS, { e: enterpriseId, first: 10, dir: 'DESC' }, admin)).workers;
    expect(desc.nodes.map((n: { name: string }) => n.name)).toEqual([...PINYIN].reverse());
  });

  it('pages across the names with cursors in the same order, forwards and backwards', async () => {
    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: any = ok(await t.gql(WORKERS, { e: enterpriseId, first: 2, after }, admin)).workers;
      forward.push(...page.nodes.map((n: { name: string }) => n.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(PINYIN);

    const backward: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: any = ok(await t.gql(WORKERS, { e: enterpriseId, last: 2, before }, admin)).workers;
      backward.unshift(...page.nodes.map((n: { name: string }) => n.name));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(PINYIN);
  });

  it('orders enterprises by name the same way', async () => {
    for (const name of ['张记机械厂', '李记机械厂', '陈记机械厂']) await createEnterprise(t, admin, { name });
    const res = ok(await t.gql(`{ enterprises(first: 10, filter: { search: "记机械厂" }, orderBy: { field: NAME }) { nodes { name } } }`, {}, admin)).enterprises;
    expect(res.nodes.map((n: { name: string }) => n.name)).toEqual(['陈记机械厂', '李记机械厂', '张记机械厂']);
  });

  it('keeps exact matches and search working on the collated columns', async () => {
    const res = ok(await t.gql(`query($e: ID!) { workers(first: 10, filter: { enterpriseId: $e, search: "李" }) { nodes { name } } }`, { e: enterpriseId }, admin)).workers;
    expect(res.nodes.map((n: { name: string }) => n.name)).toEqual(['李四']);
  });
});

it('collates every name and title column that a list orders by with "pinyin"', async () => {
  // MikroORM's schema diff ignores column collations, so this is what keeps them (see the migration).
  const rows = await t.orm.em.fork().getConnection().execute<{ table_name: string; column_name: string; collation_name: string | null }[]>(
    `select table_name, column_name, collation_name from information_schema.columns
      where table_schema = current_schema() and (table_name, column_name) in (
        ('app_user', 'display_name'), ('enterprise', 'name'), ('worker', 'name'), ('studio', 'name'),
        ('competition', 'title'), ('exhibition', 'title'), ('alliance', 'name'), ('innovation', 'title'),
        ('incubation_project', 'title'), ('operating_method', 'proposed_name'), ('operating_method', 'official_name'),
        ('honor_campaign', 'title'))
      order by table_name, column_name`,
  );
  expect(rows).toHaveLength(12);
  expect(rows.filter((r) => r.collation_name !== 'pinyin')).toEqual([]);
});
