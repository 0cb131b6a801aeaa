import DataLoader from 'dataloader';
import { byIdLoader, childrenLoader, readChildrenLoader, rowReader, selectByKeys, type LoaderFactory } from '../common/loaders.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { enterpriseById, workerById } from '../registry/registry.loaders.js';
import { Competition } from './setup/competition.entity.js';
import { Criterion } from './setup/criterion.entity.js';
import { Entry } from './entries/entry.entity.js';
import { EntryMember } from './entries/entry-member.entity.js';
import { JudgeAssignment } from './judging/judge-assignment.entity.js';
import { Stage } from './setup/stage.entity.js';

export const competitionById = byIdLoader(Competition);
export const stageById = byIdLoader(Stage);
export const entryById = byIdLoader(Entry);
export const criterionById = byIdLoader(Criterion);
export const stagesByCompetition = readChildrenLoader(Stage, 'competition', { position: 'asc' });
export const criteriaByStage = childrenLoader(Criterion, 'stage', { position: 'asc' });
/**
 * An entry's members in team order, fetched with their workers and registered enterprises in one
 * statement; the worker and enterprise loaders are primed with those, so a start list of any length
 * costs one statement for all three. Read-only rows (see rowReader).
 */
export const membersByEntry: LoaderFactory<string, EntryMember[]> = (em, loaders) =>
  new DataLoader<string, EntryMember[]>(async (entryIds) => {
    const rows = await selectByKeys(em, `select m.*, to_jsonb(w) as "w", to_jsonb(e) as "e" from "entry_member" m
      join "worker" w on w.id = m.worker_id join "enterprise" e on e.id = m.enterprise_id
      where m.entry_id = any(?::uuid[]) order by m.position asc`, entryIds);
    const members = rowReader(em, EntryMember);
    const workers = rowReader(em, Worker);
    const enterprises = rowReader(em, Enterprise);
    const groups = new Map<string, EntryMember[]>(entryIds.map((id) => [id, []]));
    for (const row of rows) {
      const worker = workers.read(row.w as Record<string, unknown>);
      const enterprise = enterprises.read(row.e as Record<string, unknown>);
      loaders.get(workerById).prime(worker.id, worker);
      loaders.get(enterpriseById).prime(enterprise.id, enterprise);
      const member = members.read(row);
      groups.get(member.entry.id)?.push(member);
    }
    return entryIds.map((id) => groups.get(id) ?? []);
  });
/** Every assignment, removed ones included (the panel's history); callers filter. */
export const assignmentsByCompetition = childrenLoader(JudgeAssignment, 'competition', { assignedAt: 'asc' });

/**
 * Keyed "competitionId:userId": whether that user was ever on the competition's panel (removed or not).
 * Anonymous marking asks it per entry shown; one query per request for all competitions asked.
 */
export const judgeHistory: LoaderFactory<string, boolean> = (em) =>
  new DataLoader<string, boolean>(async (keys) => {
    const pairs = keys.map((k) => k.split(':') as [string, string]);
    const rows = await em.find(
      JudgeAssignment,
      { competition: { $in: [...new Set(pairs.map((p) => p[0]))] }, user: { $in: [...new Set(pairs.map((p) => p[1]))] } },
      { fields: ['competition', 'user'] },
    );
    const found = new Set(rows.map((r) => `${r.competition.id}:${r.user.id}`));
    return keys.map((k) => found.has(k));
  });
