import type { Context, Viewer } from '../../context.js';
import { judgeHistory } from '../competitions.loaders.js';
import { CompetitionStatus } from '../enums.js';

/**
 * Anonymous marking (as Chinese skills contests do with encrypted codes): until the competition is
 * FINALIZED, a judge of the competition sees entries by start number and station only. "A judge of
 * the competition" includes one since removed from the panel (leaving it must not reveal names) and
 * one who also holds ORGANIZER or ADMIN (judging, they get the judge's view). Everyone else sees names.
 */
export function anonymizesEntries(viewer: Viewer | null, status: CompetitionStatus, everOnPanel: boolean): boolean {
  if (!viewer || status === CompetitionStatus.FINALIZED) return false;
  return everOnPanel;
}

/** The same decision for the request's viewer, batched: use it wherever entries are shown (leaderboards too). */
export async function isAnonymizedFor(ctx: Context, competition: { id: string; status: CompetitionStatus }): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!anonymizesEntries(viewer, competition.status, true)) return false;
  return ctx.loaders.get(judgeHistory).load(`${competition.id}:${viewer!.id}`);
}
