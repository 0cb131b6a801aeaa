import { Migration } from '@mikro-orm/migrations';

/**
 * A worker's joining date is a date, not an instant. Existing values are read in China time
 * (Asia/Shanghai): clients sent either UTC midnight ("2015-03-01T00:00:00Z", which stays 1 March
 * there) or local midnight ("2015-02-28T16:00:00Z", which is 1 March there but 28 February in UTC).
 */
export class Migration20261206170000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "worker" alter column "joined_at" type date using ("joined_at" at time zone 'Asia/Shanghai')::date;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "worker" alter column "joined_at" type timestamptz using ("joined_at"::timestamp at time zone 'Asia/Shanghai');`);
  }

}
