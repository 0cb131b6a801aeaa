import { loadConfig } from '../../src/config';
import { RequestGuard } from '../../src/limits/guard';
import { seedServerConfig } from '../../src/seed/server-config';

/*
 * `npm run seed` failed with "Too many writes: at most 20 per second (bursts of 50)" when its
 * in-process server used the production write throttle. The clock is frozen here, so what the
 * budgets admit does not depend on how fast the machine is.
 */
const frozen = () => 1_000_000;
const defaults = loadConfig({});

it('the production defaults throttle one user after a burst of 50 writes (what broke the seed)', () => {
  const guard = new RequestGuard(defaults.limits, false, frozen);
  for (let i = 0; i < 50; i++) expect(guard.writeBuckets.take('user:organizer', 1).ok).toBe(true);
  expect(guard.writeBuckets.take('user:organizer', 1).ok).toBe(false);
});

it("the seed's server admits a whole city of writes and queries from one user at once", () => {
  const guard = new RequestGuard(seedServerConfig(defaults).limits, false, frozen);
  let admitted = 0;
  for (let i = 0; i < 20_000; i++) if (guard.writeBuckets.take('user:organizer', 1).ok) admitted += 1;
  expect(admitted).toBe(20_000);
  expect(guard.costBuckets.take('user:admin', 10_000_000).ok).toBe(true);
});

it("the seed's server is on loopback only, on a port the system picks, with every other limit as configured", () => {
  const seeding = seedServerConfig(defaults);
  expect(seeding).toMatchObject({ host: '127.0.0.1', port: 0 });
  const { writeBurst, writesPerSecond, costBudget, costRestorePerSecond, ...rest } = seeding.limits;
  const { writeBurst: _a, writesPerSecond: _b, costBudget: _c, costRestorePerSecond: _d, ...restDefaults } = defaults.limits;
  expect(rest).toEqual(restDefaults);
  expect(loadConfig({}).limits).toMatchObject({ writeBurst: 50, writesPerSecond: 20, costBudget: 10_000 }); // untouched
});
