import { Migration } from '@mikro-orm/migrations';

/**
 * One-time links name what they open: the results CSV (every link so far) or one stage's printable
 * score sheet (`score-sheet:<stage id>`), so a link minted for one never opens the other.
 */
export class Migration20261206191300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "results_download" add column "resource" varchar(100) not null default 'results.csv';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "results_download" drop column "resource";`);
  }

}
