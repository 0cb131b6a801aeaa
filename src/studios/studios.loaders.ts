import { byIdLoader, childrenLoader } from '../common/loaders.js';
import { Innovation } from './innovation.entity.js';
import { Studio } from './studio.entity.js';
import { StudioDecision } from './studio-decision.entity.js';
import { StudioMember } from './studio-member.entity.js';
import { StudioReport } from './studio-report.entity.js';

export const studioById = byIdLoader(Studio);
export const innovationById = byIdLoader(Innovation);
export const membersByStudio = childrenLoader(StudioMember, 'studio', { joinedAt: 'asc', id: 'asc' });
export const reportsByStudio = childrenLoader(StudioReport, 'studio', { year: 'desc' });
export const innovationsByStudio = childrenLoader(Innovation, 'studio', { registeredAt: 'desc', id: 'asc' });
export const decisionsByStudio = childrenLoader(StudioDecision, 'studio', { at: 'asc', id: 'asc' });
