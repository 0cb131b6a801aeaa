import { byIdLoader, childrenLoader } from '../common/loaders.js';
import { Enterprise } from './enterprise.entity.js';
import { Honor } from './honor.entity.js';
import { SkillLevelChange } from './skill-level-change.entity.js';
import { Worker } from './worker.entity.js';

export const enterpriseById = byIdLoader(Enterprise);
export const workerById = byIdLoader(Worker);
export const honorsByWorker = childrenLoader(Honor, 'worker', { year: 'desc', createdAt: 'asc' });
export const skillHistoryByWorker = childrenLoader(SkillLevelChange, 'worker', { at: 'asc', recordedAt: 'asc' });
