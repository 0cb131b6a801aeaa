import { readByIdLoader, readChildrenLoader } from '../common/loaders.js';
import { Enterprise } from './enterprise.entity.js';
import { SkillLevelChange } from './skill-level-change.entity.js';
import { Worker } from './worker.entity.js';

// Read-only rows (see readByIdLoader): registry lists are the hottest reads.
export const enterpriseById = readByIdLoader(Enterprise);
export const workerById = readByIdLoader(Worker);
export const skillHistoryByWorker = readChildrenLoader(SkillLevelChange, 'worker', { at: 'asc', recordedAt: 'asc' });
