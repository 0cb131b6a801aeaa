import { eligibilityProblems, type EligibilityProblem } from '../../registry/eligibility.js';
import type { Ownership } from '../../registry/enums.js';
import type { Worker } from '../../registry/worker.entity.js';
import type { Drill } from '../setup/drill.entity.js';

/** The drill's rules a worker (with their enterprise loaded) breaks, through the engine competitions use too; empty = eligible. */
export function drillEligibilityProblems(drill: Drill, worker: Worker): EligibilityProblem[] {
  const enterprise = worker.enterprise.getEntity();
  return eligibilityProblems(
    {
      trades: drill.trades, minSkillLevel: drill.minSkillLevel, maxSkillLevel: drill.maxSkillLevel,
      enterpriseIds: drill.eligibleEnterpriseIds, districts: drill.eligibleDistricts, ownerships: drill.eligibleOwnerships as Ownership[],
    },
    { name: worker.name, trade: worker.trade, skillLevel: worker.skillLevel, enterpriseId: enterprise.id, district: enterprise.district, ownership: enterprise.ownership },
    'drill',
  );
}
