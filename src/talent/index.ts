import { ChiefTechnician } from './chief-technician.entity.js';
import { ChiefTechnicianResolver, EnterpriseChiefTechnicianResolver, WorkerChiefTechnicianResolver } from './chief-technician.resolver.js';
import { SkillAllowanceStandard } from './skill-allowance.entity.js';
import { SkillAllowanceResolver } from './skill-allowance.resolver.js';
import { TalentReportResolver } from './talent-report.resolver.js';

/** Chief technicians (企业首席技师) and skill allowance standards (技能津贴), issue 15 §3. */
export const talentEntities = [ChiefTechnician, SkillAllowanceStandard];
export const talentResolvers = [
  ChiefTechnicianResolver, WorkerChiefTechnicianResolver, EnterpriseChiefTechnicianResolver, SkillAllowanceResolver, TalentReportResolver,
] as const;
