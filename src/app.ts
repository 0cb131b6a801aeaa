import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { TokenService } from './auth/tokens.js';

/** Process-wide services every request may use; built once in createServer. */
export interface App {
  config: Config;
  orm: MikroORM;
  log: Logger;
  tokens: TokenService;
}
