import { authEntities } from '../auth/index.js';
import { registryEntities } from '../registry/index.js';
import { competitionEntities } from '../competitions/index.js';
import { studioEntities } from '../studios/index.js';
import { methodEntities } from '../methods/index.js';
import { incubationEntities } from '../incubation/index.js';
import { showcaseEntities } from '../showcase/index.js';
import { honorEntities } from '../honors/index.js';
import { talentEntities } from '../talent/index.js';
import { appraisalEntities } from '../appraisal/index.js';
import { drillEntities } from '../drills/index.js';
import { takingEntities } from '../drills/taking/index.js';
import { IdempotencyRecord } from '../common/idempotency.entity.js';
import { SeedRun } from '../seed/seed-run.entity.js';

/** Every module's entities, for the ORM and the migrations. */
export const entities = [
  ...authEntities, ...registryEntities, ...competitionEntities,
  ...studioEntities, ...methodEntities, ...incubationEntities, ...showcaseEntities, ...honorEntities, ...talentEntities, IdempotencyRecord, SeedRun,
  ...appraisalEntities,
  ...drillEntities, ...takingEntities,
];
