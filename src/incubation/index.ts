import { IncubationProject } from './incubation-project.entity.js';
import { GateDecision, ProjectFunding, ProjectMilestone, ProjectPartner } from './project-parts.entity.js';
import { IncubationProjectResolver } from './project.resolver.js';
import {
  GateDecisionResolver, IncubationProjectFieldsResolver, ProjectFundingResolver, ProjectMilestoneResolver, ProjectPartnerResolver, StudioProjectsResolver,
} from './project-fields.resolver.js';

export const incubationEntities = [IncubationProject, ProjectPartner, ProjectFunding, ProjectMilestone, GateDecision];
export const incubationResolvers: Function[] = [
  IncubationProjectResolver, IncubationProjectFieldsResolver, GateDecisionResolver, ProjectFundingResolver, ProjectPartnerResolver, ProjectMilestoneResolver,
  StudioProjectsResolver,
];
