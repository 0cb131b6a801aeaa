import 'reflect-metadata';
import { jwtSecretFor } from '../db/database.js';
import { createServer } from '../server.js';
import { AuthService } from '../auth/auth.service.js';
import { TokenService } from '../auth/tokens.js';
import { User } from '../auth/user.entity.js';
import { Role } from '../auth/role.js';
import { seedDemo } from '../seed/index.js';
import { seedServerConfig } from '../seed/server-config.js';
import { withMigratedDatabase } from './migrated-database.js';

/**
 * `npm run seed`: a believable city in the configured database (embedded under DATA_DIR, or
 * DATABASE_URL), built through the public API of an in-process server so every rule applies.
 * Run it with the server stopped when using the embedded database (one process owns its files).
 */
const PASSWORD = 'demo-password-2026';
const ADMIN = 'admin@demo.jiangxin.cn';

async function main(): Promise<void> {
  await withMigratedDatabase(async ({ config, log, db, orm }) => {
    const jwtSecret = jwtSecretFor(config, db.embedded);
    if (await orm.em.fork().count(User, { email: ADMIN })) {
      console.log(`The demo city is already there. Log in as ${ADMIN} / ${PASSWORD}.`);
      return;
    }
    await new AuthService(orm.em.fork(), new TokenService(jwtSecret, config.jwtTtlSeconds), log)
      .createUser({ email: ADMIN, password: PASSWORD, displayName: '系统管理员', roles: [Role.ADMIN] });
    const server = await createServer(seedServerConfig(config), orm, log, jwtSecret);
    try {
      const started = Date.now();
      const demo = await seedDemo(server.url, ADMIN, PASSWORD);

      const base = `http://localhost:${config.port}`;
      console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${demo.enterprises} enterprises, ${demo.workers} workers, 3 competitions, ${demo.innovation.studios.length} studios, ${demo.innovation.innovationIds.length} innovations, ${demo.innovation.projectIds.length} incubation projects, ${demo.methods.namedIds.length} named operating methods, an exhibition, two alliances.`);
      console.log(`\nStart the server (npm start), then open the live scoreboard:\n  ${base}/scoreboard/${demo.competitions.liveId}\n  ${base}/scoreboard/${demo.competitions.finalizedId}   (finalized, with prizes)\nGraphQL: ${base}/graphql\n`);
      console.log('Demo logins (password for all: ' + PASSWORD + '):');
      for (const [email, what] of [[ADMIN, 'ADMIN'], ...demo.logins]) {
        console.log(`  ${email.padEnd(30)} ${what}`);
      }
    } finally {
      await server.close();
    }
  });
}

main().catch((err) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
  console.error('A half-built demo stays behind: remove DATA_DIR (.data) or use an empty DATABASE_URL, then run it again.');
  process.exit(1);
});
