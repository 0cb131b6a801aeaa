import { byIdLoader, childrenLoader } from '../common/loaders.js';
import { Innovation } from './innovation.entity.js';
import { Studio } from './studio.entity.js';
import { StudioDecision } from './studio-decision.entity.js';

export const studioById = byIdLoader(Studio);
export const innovationById = byIdLoader(Innovation);
export const decisionsByStudio = childrenLoader(StudioDecision, 'studio', { at: 'asc', id: 'asc' });
