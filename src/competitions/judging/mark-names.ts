import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoaderFactory } from '../../common/loaders.js';
import type { Context } from '../../context.js';
import { userById } from '../../auth/user-summary.js';
import { SEATS_SQL, standingFrom, type PanelSeat } from '../access.js';
import type { Competition } from '../setup/competition.entity.js';
import { seesJudgeNames } from './independent-marking.js';

type Key = `${string}|${string}`;

/**
 * The owner and the viewer's seats per competition, batched per tick and never cached: a
 * subscription's context lives for hours, and a judge made chief or removed must see the change.
 */
const seatsOf: LoaderFactory<Key, { ownerId: string; seats: PanelSeat[] } | null> = (em) =>
  new DataLoader(async (keys) => {
    const out = new Map<string, { ownerId: string; seats: PanelSeat[] }>();
    const byViewer = new Map<string, string[]>();
    for (const k of keys) {
      const [competitionId, viewerId] = k.split('|') as [string, string];
      byViewer.set(viewerId, [...(byViewer.get(viewerId) ?? []), competitionId]);
    }
    for (const [viewerId, ids] of byViewer) {
      const rows = await (em as unknown as EntityManager).execute<{ id: string; owner_id: string; seats: PanelSeat[] | null }[]>(
        `select c.id, c.owner_id, ${SEATS_SQL} as seats from competition c where c.id = any(array[?]::uuid[])`, [viewerId, [...new Set(ids)]]);
      for (const r of rows) out.set(`${r.id}|${viewerId}`, { ownerId: r.owner_id, seats: r.seats ?? [] });
    }
    return keys.map((k) => out.get(k) ?? null);
  }, { cache: false });

/**
 * The name of the judge behind a mark (or a revision, or an approval) for this viewer: their own, and
 * every name for the jury; null for a colleague's mark seen by a judge (independent marking: a judge
 * sees the panel's marks, not who gave them).
 */
export async function judgeNameFor(ctx: Context, competitionId: string, judgeId: string): Promise<string | null> {
  const viewer = ctx.viewer;
  if (!viewer) return null;
  if (judgeId !== viewer.id) {
    const row = await ctx.loaders.get(seatsOf).load(`${competitionId}|${viewer.id}`);
    if (!row) return null;
    if (!seesJudgeNames(standingFrom(viewer, { owner: { id: row.ownerId } } as Pick<Competition, 'owner'>, row.seats))) return null;
  }
  return (await ctx.loaders.get(userById).load(judgeId))?.displayName ?? '';
}
