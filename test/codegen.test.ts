import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/**
 * The committed operation types (test/generated/graphql.ts) are what graphql-codegen makes of
 * schema.graphql (itself checked against the code by test/schema.test.ts) and test/operations/*.graphql.
 * `npm run codegen` rewrites them.
 */
it('test/generated/graphql.ts is up to date with the schema and the operations', () => {
  const root = path.join(__dirname, '..');
  const fresh = execFileSync(process.execPath, [path.join(__dirname, 'codegen.mjs')], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const committed = path.join(__dirname, 'generated', 'graphql.ts');
  expect(fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '(missing: run npm run codegen)').toBe(fresh);
}, 60_000);
