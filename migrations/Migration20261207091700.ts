import { Migration } from '@mikro-orm/migrations';

/** A drill's optional public leaderboard after its window (issue 16): off for every drill so far. */
export class Migration20261207091700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "drill" add column "public_board" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "drill" drop column "public_board";`);
  }
}
