import { Enterprise } from './enterprise.entity.js';
import { EnterpriseResolver } from './enterprise.resolver.js';
import { Honor } from './honor.entity.js';
import { SkillLevelChange } from './skill-level-change.entity.js';
import { Worker } from './worker.entity.js';
import { WorkerResolver } from './worker.resolver.js';

export const registryEntities = [Enterprise, Worker, Honor, SkillLevelChange];
export const registryResolvers = [EnterpriseResolver, WorkerResolver] as const;
