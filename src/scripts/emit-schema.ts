import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, printSortedSchema } from '../schema.js';
import { projectRoot } from '../db/paths.js';

/** `npm run schema`: writes schema.graphql from the code. A test fails when the committed file differs. */
async function main(): Promise<void> {
  const file = path.join(projectRoot, 'schema.graphql');
  fs.writeFileSync(file, printSortedSchema(await buildSchema()));
  console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
}
void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
