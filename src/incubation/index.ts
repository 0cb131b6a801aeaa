import { IncubationProject } from './incubation-project.entity.js';
import { GateDecision, ProjectFunding, ProjectMilestone, ProjectPartner } from './project-parts.entity.js';

export const incubationEntities = [IncubationProject, ProjectPartner, ProjectFunding, ProjectMilestone, GateDecision];
export const incubationResolvers: Function[] = [];
