import pg from 'pg';
import { openOrm } from '../../src/db/orm';
import { createTestDatabase } from '../helpers/database';

/**
 * Migration20261206170500 on data written before it: existing changes get a kind, and every worker
 * with a level gets an INITIAL record (its first change's `from`, else its current level). The test
 * database is migrated already, so it goes back before the registry's two migrations (umzug's `to` is
 * inclusive), writes old-style rows, and migrates up again.
 */
const MIGRATION = 'Migration20261206170500';

it('classifies existing changes and backfills the initial level', async () => {
  const db = await createTestDatabase();
  const orm = await openOrm(db.url, { poolMax: 2 });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await orm.getMigrator().down({ to: 'Migration20261206170000' });
    const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
    await q(`insert into enterprise (id, name, credit_code, ownership, size, industry, district, created_at, updated_at)
             values ('00000000-0000-0000-0000-0000000000e1', 'e', '91350200MA2Y0C4L7B', 'PRIVATE', 'SMALL', 'i', 'd', now(), now())`);
    const worker = (id: string, level: string | null) => q(
      `insert into worker (id, name, gender, birth_year, enterprise_id, trade, skill_level, employee_number, migrant_worker, joined_at, created_at, updated_at)
       values ($1, 'w', 'MALE', 1990, '00000000-0000-0000-0000-0000000000e1', 't', $2, $3, false, '2015-03-01', '2026-01-10', '2026-01-10')`, [id, level, id.slice(-4)]);
    // Recorded after the worker was registered (2026-01-10), possibly taking effect before (backdated `at`).
    const change = (worker: string, from: string | null, to: string, at: string, competition: string | null = null) => q(
      `insert into skill_level_change (id, worker_id, "from", "to", reason, source, source_competition_id, at, recorded_at)
       values (gen_random_uuid(), $1, $2, $3, 'r', null, $4, $5, greatest($5::timestamptz, '2026-01-11'))`, [worker, from, to, competition, at]);
    const [plain, promoted, jumped, none, firstFromNull] = ['1', '2', '3', '4', '5'].map((n) => `00000000-0000-0000-0000-00000000000${n}`) as [string, string, string, string, string];
    await worker(plain, 'SENIOR');
    await worker(promoted, 'TECHNICIAN');
    await change(promoted, 'INTERMEDIATE', 'SENIOR', '2025-06-01');
    await change(promoted, 'SENIOR', 'TECHNICIAN', '2026-03-01', '00000000-0000-0000-0000-0000000000c1');
    await worker(jumped, 'JUNIOR');
    await change(jumped, 'JUNIOR', 'TECHNICIAN', '2026-02-01');
    await change(jumped, 'TECHNICIAN', 'JUNIOR', '2026-02-02');
    await worker(none, null);
    await worker(firstFromNull, 'SENIOR');
    await change(firstFromNull, null, 'SENIOR', '2026-02-01');

    await orm.getMigrator().up({ to: MIGRATION });
    const { rows } = await q(`select worker_id, "from", "to", kind, note is not null as noted, at from skill_level_change order by worker_id, at, recorded_at`);
    const of = (id: string) => rows.filter((r) => r.worker_id === id).map((r) => `${r.kind}:${r.from ?? '-'}>${r.to}${r.noted ? ' (note)' : ''}`);
    expect(of(plain)).toEqual(['INITIAL:->SENIOR']);
    expect(of(promoted)).toEqual(['INITIAL:->INTERMEDIATE', 'PROMOTION:INTERMEDIATE>SENIOR', 'COMPETITION:SENIOR>TECHNICIAN']);
    expect(of(jumped)).toEqual(['INITIAL:->JUNIOR', 'CORRECTION:JUNIOR>TECHNICIAN (note)', 'CORRECTION:TECHNICIAN>JUNIOR (note)']);
    expect(of(none)).toEqual([]);
    expect(of(firstFromNull)).toEqual(['INITIAL:->SENIOR']);
    // Dated no later than the first change (a backdated one here), so it reads first.
    expect(rows.find((r) => r.worker_id === promoted && r.kind === 'INITIAL').at.toISOString()).toBe(new Date('2025-06-01T00:00:00Z').toISOString());
  } finally {
    await client.end();
    await orm.close(true);
    await db.drop();
  }
});
