import { defineMessages } from '../../common/i18n.js';

/** Messages of a competition's theory stage filled from a drill (理论赛段由网上练兵计分). */
export const m = defineMessages('drills.theory', {
  notCompetitionOwner: { zh: '只有该竞赛的组织者可以关联网上练兵', en: 'Only the competition’s organizer may link a drill to its stage' },
  notDrillRunner: { zh: '只能关联您本人组织的网上练兵', en: 'You may link only a drill you run' },
  linkWhen: { zh: '报名、进行中或草稿阶段才能关联网上练兵（当前：{{status}}）', en: 'A drill can be linked while the competition is a draft, in registration or in progress (it is {{status}})' },
  stageHasMarks: { zh: '该赛段已有评分，不能再改由网上练兵计分', en: 'The stage already has marks: it can no longer be filled from a drill' },
  oneCriterion: { zh: '由网上练兵计分的赛段只能有一个评分项（该赛段有 {{n}} 个）', en: 'A stage filled from a drill must have exactly one criterion (this one has {{n}})' },
  measurementOnly: { zh: '评分项“{{name}}”为主观评分，网上练兵只能填入客观评分项', en: 'The criterion “{{name}}” is a judgement criterion: a drill fills only a measurement criterion' },
  drillCancelled: { zh: '网上练兵《{{title}}》已取消，不能关联', en: 'The drill “{{title}}” is cancelled and cannot be linked' },
  stageLinked: { zh: '该赛段已关联网上练兵《{{title}}》（每个赛段只能关联一个）', en: 'The stage is already filled from the drill “{{title}}” (one drill per stage)' },
  onlyRunnerSees: { zh: '只有该练兵活动的组织者可以查看由其计分的赛段', en: 'Only the drill’s organizer sees the stages filled from it' },
  notLinked: { zh: '该赛段未关联网上练兵', en: 'The stage is not filled from a drill' },
  marksFromDrill: { zh: '已有评分来自该网上练兵，不能取消关联', en: 'Marks already came from the drill: the link cannot be removed' },
  drillNotOver: { zh: '网上练兵《{{title}}》尚未结束（窗口未关闭或仍有人在答题），结束后才能计分', en: 'The drill “{{title}}” is not over (its window is open or attempts are under way): the stage is filled after it' },
  drillNotPublished: { zh: '网上练兵《{{title}}》未发布或已取消，不能计分', en: 'The drill “{{title}}” is not published or was cancelled: nothing to fill from' },
  fillWhen: { zh: '竞赛进行中且该赛段评分未关闭时才能计分（当前：{{status}}）；重新开放评分后再计分', en: 'Marks are written only while the competition is in progress and the stage open (it is {{status}}); fill again once it is reopened' },
  stageClosed: { zh: '该赛段评分已关闭；重新开放评分后再计分', en: 'The stage’s marking is closed: fill again once it is reopened' },
  absentReason: { zh: '未参加网上练兵理论考试《{{title}}》', en: 'Did not take the drill “{{title}}”' },
  refillReason: { zh: '网上练兵《{{title}}》重新计分', en: 'Re-marked from the drill “{{title}}”' },
  refillUpdate: { zh: '网上练兵《{{title}}》成绩更新', en: 'The drill “{{title}}” results changed' },
  causeQuestion: { zh: '试题更正（第 {{revision}} 版）', en: 'a question was corrected (revision {{revision}})' },
  causeVoided: { zh: '答题作废（{{reason}}）', en: 'an attempt was voided ({{reason}})' },
});
