import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The title of the online drill that fills a stage (src/drills/theory links one to a stage's single
 * MEASUREMENT criterion), or null. Read by SQL on stage_drill: competitions import nothing of drills.
 */
export async function drillFeeding(tx: EntityManager, where: { stageId: string } | { criterionId: string }): Promise<string | null> {
  const [column, id] = 'stageId' in where ? ['stage_id', where.stageId] : ['criterion_id', where.criterionId];
  const [row] = await tx.execute<{ title: string }[]>(`select d.title from stage_drill sd join drill d on d.id = sd.drill_id where sd.${column} = ?`, [id]);
  return row?.title ?? null;
}
