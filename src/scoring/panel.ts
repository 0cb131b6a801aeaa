/**
 * Who can mark what (issue 12 §3): a judge marks an entry only when the entry is in the scope of
 * their assignment (a substitute's assignment names its entries) and no worker of the judge's
 * enterprise is in the entry (conflict of interest). Marks expected of an entry count only the
 * judges who may give them, so no entry stays incomplete because of a judge who may not mark it.
 */
import type { JudgesPerStage, Scheme } from './types.js';

/** One seat of the active panel, as plain data. */
export interface PanelSeat {
  stageIds: readonly string[];
  /** The entries this seat may mark (a substitute); null or empty: every entry. */
  entryIds: readonly string[] | null;
  /** The judge's enterprise when assigned; null when the judge has no registry worker. */
  enterpriseId: string | null;
  /** The chief judge: no marker where `chiefMarksNot` says so (anonymous stages: the chief sees every mark by entry). */
  chief?: boolean;
}

/** An entry as the conflict rule sees it: the enterprises of its workers. */
export interface EntryParties {
  entryId: string;
  enterpriseIds: readonly string[];
}

/** A worker of the judge's enterprise is in the entry. */
export function conflicted(seat: Pick<PanelSeat, 'enterpriseId'>, entry: Pick<EntryParties, 'enterpriseIds'>): boolean {
  return seat.enterpriseId !== null && entry.enterpriseIds.includes(seat.enterpriseId);
}

/** The entry is in the seat's scope (a seat without named entries covers all). */
export function inScope(seat: Pick<PanelSeat, 'entryIds'>, entryId: string): boolean {
  return !seat.entryIds || seat.entryIds.length === 0 || seat.entryIds.includes(entryId);
}

/** The seat may mark this entry (on the stages it judges): in scope and not conflicted. */
export function mayMark(seat: PanelSeat, entry: EntryParties): boolean {
  return inScope(seat, entry.entryId) && !conflicted(seat, entry);
}

/**
 * For one entry: per stage, the judges of the panel who may mark it — the `judgesPerStage` that
 * computeEntryResult takes for that entry. Stages without such a judge count 0. A chief judge's seat
 * does not count on the stages in `chiefMarksNot` (the server passes its anonymous stages, where the
 * chief judge marks nothing: they see every mark by entry, so a code they marked would name it).
 */
export function markersPerStage(
  scheme: Pick<Scheme, 'stages'>,
  panel: readonly PanelSeat[],
  entry: EntryParties,
  chiefMarksNot: ReadonlySet<string> = new Set(),
): JudgesPerStage {
  const counts: Record<string, number> = Object.fromEntries(scheme.stages.map((s) => [s.id, 0]));
  for (const seat of panel) {
    if (!mayMark(seat, entry)) continue;
    for (const sid of seat.stageIds) {
      if (seat.chief && chiefMarksNot.has(sid)) continue;
      if (Object.hasOwn(counts, sid)) counts[sid]! += 1;
    }
  }
  return counts;
}
