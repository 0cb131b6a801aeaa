import { skillRank } from '../../registry/enums.js';
import type { Worker } from '../../registry/worker.entity.js';
import type { Drill } from '../setup/drill.entity.js';

/**
 * The rules of a drill a worker (with their enterprise loaded) breaks, by name; empty = eligible.
 * Interim: the contract moves the competitions' engine to src/registry/eligibility.ts for both; until
 * that lands, the drill's rule is read here (trades, skill range, enterprises, districts, ownerships).
 */
export function drillEligibilityProblems(drill: Drill, worker: Worker): string[] {
  const problems: string[] = [];
  if (!drill.trades.includes(worker.trade)) problems.push('trade');
  const rank = skillRank(worker.skillLevel);
  if ((drill.minSkillLevel && rank < skillRank(drill.minSkillLevel)) || (drill.maxSkillLevel && rank > skillRank(drill.maxSkillLevel))) problems.push('skillLevel');
  const enterprise = worker.enterprise.getEntity();
  if (drill.eligibleEnterpriseIds.length && !drill.eligibleEnterpriseIds.includes(enterprise.id)) problems.push('enterprise');
  if (drill.eligibleDistricts.length && !drill.eligibleDistricts.includes(enterprise.district)) problems.push('district');
  if (drill.eligibleOwnerships.length && !drill.eligibleOwnerships.includes(enterprise.ownership)) problems.push('ownership');
  return problems;
}
