import { defineMessages } from '../common/i18n.js';

/**
 * Messages of the one eligibility engine (registry/eligibility.ts). Each rule is named (“规则“工种””) so
 * an organizer sees which one a worker breaks; `scope` names what the worker is refused for.
 */
export const m = defineMessages('registry.eligibility', {
  ruleTrade: { zh: '规则“工种”：{{name}}的工种为{{trade}}，{{scope}}限{{trades}}', en: 'Rule “trade”: {{name}} works as {{trade}}; {{scope}} is for {{trades}}' },
  ruleSkill: { zh: '规则“技能等级”：{{name}}为{{level}}，{{scope}}要求{{range}}', en: 'Rule “skill level”: {{name}} is {{level}}; {{scope}} requires {{range}}' },
  noSkillLevel: { zh: '无技能等级', en: 'without a skill level' },
  anyLevel: { zh: '不限', en: 'any' },
  ruleEnterprise: { zh: '规则“企业”：{{name}}所在企业不在{{scope}}开放的企业之列', en: 'Rule “enterprise”: {{name}}’s enterprise is not among the enterprises {{scope}} is open to' },
  ruleDistrict: { zh: '规则“县区”：{{name}}所在企业位于{{district}}，{{scope}}限{{districts}}', en: 'Rule “district”: {{name}}’s enterprise is in {{district}}; {{scope}} is for {{districts}}' },
  ruleOwnership: { zh: '规则“所有制”：{{name}}所在企业为{{ownership}}，{{scope}}限{{ownerships}}', en: 'Rule “ownership”: {{name}}’s enterprise is {{ownership}}; {{scope}} is for {{ownerships}}' },
  scopeCompetition: { zh: '本竞赛', en: 'this competition' },
  scopeDrill: { zh: '本次练兵', en: 'this drill' },
});
