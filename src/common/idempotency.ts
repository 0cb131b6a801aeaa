import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, UserErrorCode } from './errors.js';
import { IdempotencyRecord } from './idempotency.entity.js';
import { commonMessage } from './messages.js';

export function requestHash(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

/**
 * The stored outcome of an earlier request with this key, or null for a new one. The same key with a
 * different request is refused: answering it with another request's outcome would be wrong.
 */
export async function priorOutcome<T>(em: EntityManager, userId: string, operation: string, key: string, hash: string): Promise<T | null> {
  const record = await em.findOne(IdempotencyRecord, { userId, operation, key });
  if (!record) return null;
  if (record.requestHash !== hash) {
    throw domainError(UserErrorCode.INVALID_INPUT, commonMessage('idempotencyKeyReused'), ['input', 'idempotencyKey']);
  }
  return record.outcome as T;
}

export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key == null) return null;
  if (key.length < 1 || key.length > 200) throw domainError(UserErrorCode.INVALID_INPUT, commonMessage('idempotencyKeyLength'), ['input', 'idempotencyKey']);
  return key;
}
