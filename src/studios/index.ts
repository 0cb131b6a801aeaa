import { Innovation } from './innovation.entity.js';
import { InnovationResolver } from './innovation.resolver.js';
import { Studio } from './studio.entity.js';
import { StudioDecision } from './studio-decision.entity.js';
import { StudioMember } from './studio-member.entity.js';
import { StudioReport } from './studio-report.entity.js';
import { StudioResolver } from './studio.resolver.js';
import { StudioListsResolver } from './studio-lists.resolver.js';
import { StudioDecisionResolver, StudioFieldsResolver, StudioMemberResolver, StudioReportResolver } from './studio-fields.resolver.js';

export const studioEntities = [Studio, StudioDecision, StudioMember, StudioReport, Innovation];
export const studioResolvers: Function[] = [StudioResolver, StudioFieldsResolver, StudioMemberResolver, StudioReportResolver, StudioDecisionResolver, StudioListsResolver, InnovationResolver];
