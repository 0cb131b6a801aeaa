import { defineMessages } from '../../common/i18n.js';

/** Messages of results: sign-off (裁判长签字), score sheets, downloads, reports and statistics (issue 13). */
export const m = defineMessages('competitions.results', {
  judgeReportDenied: {
    zh: '只有本竞赛的组织者、裁判长和管理员可以查看裁判评分分析',
    en: 'Only the competition’s organizer, its chief judge and admins see the judge report',
  },
  printDenied: { zh: '只有裁判长和本竞赛的组织者可以打印评分表', en: 'Only the chief judge and the competition’s organizer may print score sheets' },
  signOffDenied: { zh: '只有本竞赛的裁判长可以签字确认赛段成绩', en: 'Only the competition’s chief judge may sign off a stage' },
  markingOpen: {
    zh: '该赛段评分尚未结束，不能签字确认',
    en: 'The stage’s marking is not closed yet, so it cannot be signed off',
  },
  badYear: { zh: '年份须为 1949 到 2999 之间的公历年份', en: 'year must be a calendar year from 1949 to 2999' },
  printLinkRequired: {
    zh: '打印评分表需要一次性链接（createScoreSheetPrintLink）',
    en: 'A one-time link from createScoreSheetPrintLink is required',
  },
  linkUsed: { zh: '此链接已过期或已使用', en: 'This link has expired or has been used' },
  downloadLinkUsed: { zh: '此下载链接已过期或已使用', en: 'This download link has expired or has been used' },
  tokenRequired: { zh: '需要有效的访问令牌（Bearer）', en: 'A valid bearer token is required' },
  downloadDenied: { zh: '只有本竞赛的组织者和管理员可以下载成绩', en: 'Only the competition’s organizer and admins may download results' },
  internalError: { zh: '服务器内部错误', en: 'Internal error' },
  // Stored for every reader (bilingual()): why a stage's sign-off no longer holds, and a promotion's ground.
  signOffMarkChanged: { zh: '评分变更', en: 'A mark of the stage changed' },
  signOffCorrection: { zh: '更正已批准（{{id}}）', en: 'Approved correction of a mark ({{id}})' },
  signOffRecheckDrawn: { zh: '复核抽样', en: 'Re-check sample drawn' },
  signOffRecheckCorrected: { zh: '复核更正', en: 'Re-check correction' },
  signOffReopened: { zh: '重新开放评分', en: 'Scoring reopened' },
  signOffAppealRemark: { zh: '申诉复评改动了该赛段的评分（申诉 {{id}}）', en: 'An appeal re-mark changed this stage’s marks (appeal {{id}})' },
  promotedReason: { zh: '竞赛晋级：{{title}}', en: 'Promoted by the competition “{{title}}”' },
});
