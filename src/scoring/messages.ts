import { defineMessages } from '../common/i18n.js';

/**
 * The scoring engine's scheme problems (validateScheme), read by organizers when registration cannot
 * open. {{stage}} and {{criterion}} are ids here; the server replaces them with the names.
 */
export const m = defineMessages('scoring', {
  unknownAggregation: { zh: '未知的计分方法 {{aggregation}}', en: 'unknown aggregation {{aggregation}}' },
  noStages: { zh: '评分方案还没有赛段', en: 'the scheme has no stages' },
  emptyStageId: { zh: '有赛段的 ID 为空', en: 'a stage has an empty id' },
  duplicateStage: { zh: '赛段 ID“{{stage}}”重复', en: 'stage id {{stage}} is used twice' },
  invalidWeight: {
    zh: '赛段{{stage}}：权重须大于 0，最多两位小数（当前为 {{weight}}）',
    en: 'stage {{stage}}: weight must be > 0 with at most two decimals (got {{weight}})',
  },
  noCriteria: { zh: '赛段{{stage}}还没有评分项', en: 'stage {{stage}} has no criteria' },
  emptyCriterionId: { zh: '赛段{{stage}}：有评分项的 ID 为空', en: 'stage {{stage}}: a criterion has an empty id' },
  duplicateCriterion: { zh: '评分项 ID“{{criterion}}”重复', en: 'criterion id {{criterion}} is used twice' },
  unknownKind: { zh: '评分项{{criterion}}：未知的评分类型 {{kind}}', en: 'criterion {{criterion}}: unknown kind {{kind}}' },
  invalidMaxScore: {
    zh: '评分项{{criterion}}：满分须大于 0，最多两位小数（当前为 {{max}}）',
    en: 'criterion {{criterion}}: maxScore must be > 0 with at most two decimals (got {{max}})',
  },
  weightsNot100: { zh: '各赛段权重之和为 {{sum}}，不是 100', en: 'stage weights sum to {{sum}}, not 100' },
});
