import 'reflect-metadata';
import crypto from 'node:crypto';
import { jwtSecretFor } from '../db/database.js';
import { createServer } from '../server.js';
import { AuthService } from '../auth/auth.service.js';
import { TokenService } from '../auth/tokens.js';
import { Role } from '../auth/role.js';
import { seedDemo, type DemoCity } from '../seed/index.js';
import { beginSeed, DEMO_DOMAIN, finishSeed, lockSeed, SeedRefused } from '../seed/progress.js';
import { seedServerConfig } from '../seed/server-config.js';
import { withMigratedDatabase } from './migrated-database.js';

/**
 * `npm run seed`: a believable city in the configured database (embedded under DATA_DIR, or
 * DATABASE_URL), built through the public API of an in-process server so every rule applies.
 * Run it with the server stopped when using the embedded database (one process owns its files).
 * A run that died half-way is rebuilt by the next one (src/seed/progress.ts).
 */
const PASSWORD = 'demo-password-2026';
const ADMIN = `admin@${DEMO_DOMAIN}`;

async function main(): Promise<void> {
  await withMigratedDatabase(async ({ config, log, db, orm }) => {
    const lock = await lockSeed(db.url);
    try {
      const plan = await beginSeed(orm);
      if (plan.kind === 'finished') {
        console.log(`The demo city is already there. Log in as ${ADMIN} / ${PASSWORD}.`);
        return;
      }
      if (plan.replacedRunStartedAt) {
        console.log(`A seed started at ${plan.replacedRunStartedAt.toISOString()} did not finish: removed what it had built; building the demo city again.`);
      }
      const jwtSecret = jwtSecretFor(config, db.embedded);
      // Until finishSeed, the demo logins have a password only this process knows.
      const buildPassword = crypto.randomBytes(24).toString('base64url');
      await new AuthService(orm.em.fork(), new TokenService(jwtSecret, config.jwtTtlSeconds, config.sessionMaxHours * 3600), log)
        .createUser({ email: ADMIN, password: buildPassword, displayName: '系统管理员', roles: [Role.ADMIN] });
      const server = await createServer(seedServerConfig(config), orm, log, jwtSecret);
      const started = Date.now();
      let demo: DemoCity;
      try {
        demo = await seedDemo(server.url, ADMIN, buildPassword, (line) => console.log(line));
      } finally {
        await server.close();
      }
      await finishSeed(orm, PASSWORD);
      report(demo, config.port, (Date.now() - started) / 1000);
    } finally {
      await lock.release();
    }
  });
}

function report(demo: DemoCity, port: number, seconds: number): void {
  const base = `http://localhost:${port}`;
  console.log(`Seeded in ${seconds.toFixed(1)} s: ${demo.enterprises} enterprises, ${demo.workers} workers, 3 competitions, ${demo.innovation.studios.length} studios, ${demo.innovation.innovationIds.length} innovations, ${demo.innovation.projectIds.length} incubation projects, ${demo.methods.namedIds.length} named operating methods, an exhibition, two alliances, ${demo.talent.chiefTechnicians} chief technicians, ${demo.talent.allowanceStandards} skill allowance standards, `
    + `${demo.drills.questions} bank questions (${demo.drills.approved} approved) and 2 online drills.`);
  console.log(`\nStart the server (npm start), then open the live scoreboard:\n  ${base}/scoreboard/${demo.competitions.liveId}\n  ${base}/scoreboard/${demo.competitions.finalizedId}   (finalized, with prizes)\nGraphQL: ${base}/graphql\n`);
  const { finished, open } = demo.drills;
  console.log(`Online drills (网上练兵):\n  finished: ${finished.title} (${finished.id}): ${finished.ranked} takers ranked, ${finished.passed} passed, `
    + `${finished.sweptAtDeadline} submitted at the deadline, ${finished.voided} voided`);
  console.log(`  open until ${open.closesAt.slice(0, 10)}: ${open.title}\n    drill id ${open.id}: ${open.passes} passes issued, ${open.inProgress} attempts under way.`);
  console.log('    Try the taker flow (README, Quick start): enterDrill with the drill id, a pass and its employee number, then startAttempt with the token:');
  for (const p of open.demoPasses) console.log(`      pass ${p.code}  employee number ${p.employeeNumber}  ${p.name} (${p.enterprise})`);
  console.log('');
  console.log('Demo logins (password for all: ' + PASSWORD + '):');
  for (const [email, what] of [[ADMIN, 'ADMIN'], ...demo.logins]) {
    console.log(`  ${email.padEnd(30)} ${what}`);
  }
}

main().catch((err) => {
  if (err instanceof SeedRefused) {
    console.error(`seed refused: ${err.message}`);
  } else {
    console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
    console.error('Run `npm run seed` again: it removes the unfinished demo and builds it anew.');
  }
  process.exit(1);
});
