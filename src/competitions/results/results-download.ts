import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { toGlobalId } from '../../common/relay.js';
import { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import { ResultsDownload } from './results-download.entity.js';

@InputType({ description: 'Which competition’s results CSV to link to.' })
export class CreateResultsDownloadInput {
  @Field(() => ID, { description: 'The competition (its organizer or an admin asks).' }) competitionId!: string;
}

@ObjectType({ description: 'The result of createResultsDownload: a one-time link to the results CSV.' })
export class ResultsDownloadPayload extends Payload {
  @Field(() => String, {
    nullable: true,
    description: 'Path of the results CSV with a one-time token (`/competitions/<id>/results.csv?token=…`), for a plain link on this server; ' +
      'it works once and needs no Authorization header.',
  })
  url?: string | null;
  @Field(() => Date, { nullable: true, description: 'The link is refused after this.' }) expiresAt?: Date | null;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The resource of a results CSV link. */
export const RESULTS_CSV = 'results.csv';

/**
 * Mints a one-time link to `path` opening `resource` of the competition: 32 random bytes in the URL,
 * only their hash in the database. The page or file behind it checks the token with consumeDownloadLink.
 */
export async function mintDownloadLink(
  em: EntityManager, competition: Competition, userId: string, ttlSeconds: number, resource: string, path: string,
): Promise<{ url: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  await em.transactional(async (tx) => {
    // An expired link opens nothing (consume checks expires_at), so it goes when the next one is made:
    // the table holds only the links of the last few minutes, with no sweeper to run.
    await tx.execute(`delete from results_download where expires_at < now()`);
    tx.create(ResultsDownload, { competition, tokenHash: sha256(token), resource, createdBy: tx.getReference(User, userId), expiresAt } as never);
  });
  return { url: `${path}?token=${token}`, expiresAt };
}

export async function mintResultsDownload(em: EntityManager, competition: Competition, userId: string, ttlSeconds: number): Promise<{ url: string; expiresAt: Date }> {
  return mintDownloadLink(em, competition, userId, ttlSeconds, RESULTS_CSV, `/competitions/${toGlobalId('Competition', competition.id)}/results.csv`);
}

/**
 * Uses up a link in one statement: of two requests at once, exactly one gets the row back. True when
 * the token was valid for this competition and resource, unused and unexpired (the database's clock decides).
 */
export async function consumeDownloadLink(em: EntityManager, competitionId: string, resource: string, token: string): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(
    `update results_download set used_at = now()
     where token_hash = ? and competition_id = ? and resource = ? and used_at is null and expires_at > now()
     returning id`,
    [sha256(token), competitionId, resource],
  );
  return rows.length === 1;
}

export async function consumeResultsDownload(em: EntityManager, competitionId: string, token: string): Promise<boolean> {
  return consumeDownloadLink(em, competitionId, RESULTS_CSV, token);
}

/**
 * `Content-Disposition` for a download named after the competition: an ASCII `filename=` for old
 * clients and the title as `filename*=UTF-8''…` (RFC 6266 / RFC 5987), which browsers prefer.
 */
export function contentDisposition(title: string, asciiName: string): string {
  // Characters a file name cannot hold (or that would look like a path) become a dash.
  const name = `${title.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-').trim() || 'results'}.csv`;
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}
