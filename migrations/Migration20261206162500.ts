import { Migration } from '@mikro-orm/migrations';

/**
 * Login attempts remember the client's address: an address is refused after its own failures only,
 * so failures from strangers elsewhere cannot lock a judge out (src/auth/login-throttle.ts).
 */
export class Migration20261206162500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "login_attempt" add column "address" varchar(100) not null default '';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "login_attempt" drop column "address";`);
  }

}
