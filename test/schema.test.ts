import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, printSortedSchema } from '../src/schema';
import { openOrm } from '../src/db/orm';
import { projectRoot } from '../src/db/paths';
import { createTestDatabase } from './helpers/database';

describe('the committed contract', () => {
  it('schema.graphql is what the code builds (run `npm run schema` after changing the API)', async () => {
    const committed = fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8');
    expect(printSortedSchema(await buildSchema())).toBe(committed);
  });

  it('the migrations build exactly the schema the entities describe (run `npm run migration:create`)', async () => {
    const db = await createTestDatabase();
    const orm = await openOrm(db.url, { poolMax: 2 });
    try {
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
