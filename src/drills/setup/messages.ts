import { defineMessages } from '../../common/i18n.js';

/** Messages of drill setup (网上练兵活动): creating, changing, publishing, cancelling. */
export const m = defineMessages('drills.setup', {
  listSize: { zh: '须列出 {{min}} 到 {{max}} 项', en: 'List {{min}} to {{max}} items' },
  listedTwice: { zh: '“{{value}}”重复列出', en: '{{value}} is listed twice' },
  windowBackwards: { zh: '结束时间须晚于开始时间', en: 'The window must close after it opens' },
  windowPast: { zh: '结束时间已过', en: 'The window’s close is in the past' },
  levelsBackwards: { zh: '最低技能等级不能高于最高技能等级', en: 'The lowest skill level is above the highest' },
  pointsEachType: { zh: '须为四种题型各给出一次分值', en: 'Give the points of each of the four question types exactly once' },
  points: { zh: '分值须在 0 到 100 之间，最多两位小数', en: 'Points are 0 to 100, at most two decimals' },
  passMark: { zh: '及格分须在 0 到 {{max}} 之间', en: 'The pass mark is 0 to {{max}}' },
  shortfall: {
    zh: '第 {{section}} 部分（知识点“{{topic}}”{{filter}}）需要 {{needed}} 道已审核试题，题库中只有 {{available}} 道',
    en: 'Section {{section}} (topic “{{topic}}”{{filter}}) needs {{needed}} approved questions; the bank has {{available}}',
  },
  noSuchEnterprise: { zh: '企业不存在', en: 'No such enterprise' },
  notChangeable: { zh: '练兵活动已{{state}}，不能修改（仅草稿或开始前可以）', en: 'The drill is {{state}}; it can be changed only as a draft or before it opens' },
  notDraft: { zh: '练兵活动当前为“{{status}}”，不能发布（仅草稿可以）', en: 'Only a draft can be published; the drill is {{status}}' },
  feedsStage: {
    zh: '练兵活动是竞赛《{{competition}}》赛段“{{stage}}”的理论成绩来源，不能取消；请先解除该赛段与练兵活动的关联（unlinkStageFromDrill）',
    en: 'The drill fills the stage “{{stage}}” of the competition “{{competition}}” and cannot be cancelled; unlink the stage from it first (unlinkStageFromDrill)',
  },
  notCancellable: { zh: '练兵活动已{{state}}，不能取消', en: 'The drill is {{state}} and cannot be cancelled' },
  staleVersion: { zh: '练兵活动已被他人修改（当前版本 {{version}}），请刷新后重试', en: 'The drill was changed by someone else (now version {{version}}); reload and try again' },
});
