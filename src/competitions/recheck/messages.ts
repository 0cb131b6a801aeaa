import { defineMessages } from '../../common/i18n.js';

/** Messages of the re-check (复核): drawing the sample, confirming and correcting marks. */
export const m = defineMessages('competitions.recheck', {
  onlyJurySees: {
    zh: '只有本竞赛的组织者、裁判长和监督仲裁人员可以查看复核',
    en: 'Only the competition’s organizer, chief judge and arbitrators see its re-check',
  },
  notOpen: {
    zh: '复核只能在评分结束后、成绩公示前进行（竞赛当前为“{{status}}”）',
    en: 'The re-check is possible only after scoring closed and before results are published (the competition is {{status}})',
  },
  alreadyDrawn: {
    zh: '复核样本已抽取，不能换种子重抽',
    en: 'The re-check sample has been drawn; it cannot be drawn again with another seed',
  },
  sameAsRecorded: { zh: '与记录分相同，请点“确认”而不是更正', en: 'The value equals the recorded mark: confirm it instead' },
  onlyArbitrators: { zh: '只有本竞赛的监督仲裁人员可以复核', en: 'Only the competition’s arbitrators re-check marks' },
  judgeOfStage: { zh: '您是本赛段的评分裁判，不能复核本赛段', en: 'A judge of this stage may not re-check its marks' },
  alreadyChecked: { zh: '该项已复核，不能再次复核', en: 'This mark has already been re-checked' },
  samplePending: {
    zh: '本赛段复核抽样尚有 {{pending}} 项未复核，请监督仲裁人员复核完毕后再签字确认',
    en: 'The stage’s re-check sample has {{pending}} marks not yet checked: sign off once the arbitrators have checked them',
  },
  fullRecheckPending: {
    zh: '本赛段复核差错率超过上限，须全面复核，尚有 {{pending}} 项未复核',
    en: 'The stage’s re-check error rate exceeded the threshold; its full re-check has {{pending}} marks left',
  },
});
