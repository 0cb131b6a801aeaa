import path from 'node:path';
import fs from 'node:fs';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { readOrCreateSecret, startEmbeddedPostgres } from './embedded.js';

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise a real embedded PostgreSQL under DATA_DIR. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  const db = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'jiangxin', log });
  return { url: db.url, embedded: true, stop: () => db.stop() };
}

/** JWT_SECRET, or in embedded mode a secret generated once and kept under DATA_DIR. */
export function jwtSecretFor(config: Config, embedded: boolean): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (!embedded) throw new Error('JWT_SECRET is required when DATABASE_URL is set');
  fs.mkdirSync(config.dataDir, { recursive: true });
  return readOrCreateSecret(path.join(config.dataDir, 'jwt-secret'), 48);
}
