import pg from 'pg';
import { openOrm } from '../../src/db/orm';
import { createTestDatabase } from '../helpers/database';

/**
 * Migration20261207014000 on data written before it: CHIEF_TECHNICIAN honors become designations for
 * their year (one per worker and year), the honors go, the kind leaves the check; other honors stay.
 */
it('turns chief technician honors into designations for their year', async () => {
  const db = await createTestDatabase();
  const orm = await openOrm(db.url, { poolMax: 2 });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await orm.getMigrator().down({ to: 'Migration20261207013000' });
    const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
    const E = '00000000-0000-0000-0000-0000000000e1';
    await q(`insert into enterprise (id, name, credit_code, ownership, size, industry, district, created_at, updated_at)
             values ($1, 'e', '91350200MA2Y0C4L7B', 'PRIVATE', 'SMALL', 'i', 'd', now(), now())`, [E]);
    const [w1, w2] = ['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'];
    for (const w of [w1, w2]) {
      await q(`insert into worker (id, name, gender, birth_year, enterprise_id, trade, skill_level, employee_number, migrant_worker, joined_at, created_at, updated_at)
               values ($1, 'w', 'MALE', 1980, $2, 't', 'TECHNICIAN', $3, false, '2015-03-01', now(), now())`, [w, E, w.slice(-4)]);
    }
    const honor = (worker: string, kind: string, level: string, year: number, source: string | null) =>
      q(`insert into honor (id, worker_id, kind, level, year, source, created_at) values (gen_random_uuid(), $1, $2, $3, $4, $5, now())`, [worker, kind, level, year, source]);
    await honor(w1, 'CHIEF_TECHNICIAN', 'CITY', 2022, '市人社局');
    await honor(w1, 'CHIEF_TECHNICIAN', 'PROVINCE', 2022, '省人社厅'); // same year, two levels: one designation
    await honor(w1, 'CHIEF_TECHNICIAN', 'CITY', 2024, null);
    await honor(w2, 'MODEL_WORKER', 'CITY', 2023, null);

    await orm.getMigrator().up({ to: 'Migration20261207014000' });
    const { rows } = await q(`select worker_id, enterprise_id, to_char(term_from, 'YYYY-MM-DD') as f, to_char(term_to, 'YYYY-MM-DD') as t, incentive, source
                              from chief_technician order by term_from`);
    expect(rows).toEqual([
      { worker_id: w1, enterprise_id: E, f: '2022-01-01', t: '2022-12-31', incentive: null, source: '市人社局' },
      { worker_id: w1, enterprise_id: E, f: '2024-01-01', t: '2024-12-31', incentive: null, source: null },
    ]);
    const honors = await q(`select worker_id, kind from honor`);
    expect(honors.rows).toEqual([{ worker_id: w2, kind: 'MODEL_WORKER' }]);
    await expect(honor(w2, 'CHIEF_TECHNICIAN', 'CITY', 2025, null)).rejects.toThrow(/honor_kind_check/);
  } finally {
    await client.end();
    await orm.close(true);
    await db.drop();
  }
});
