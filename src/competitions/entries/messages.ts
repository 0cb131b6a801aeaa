import { defineMessages } from '../../common/i18n.js';

/** Messages of entries (参赛报名): registering, eligibility, status changes, the draw. */
export const m = defineMessages('competitions.entries', {
  // Eligibility rules' messages live with the one engine (registry/eligibility-messages.ts).
  ruleTeamSize: {
    zh: '规则“每队人数”：每个报名须恰好 {{size}} 人，实际 {{given}} 人',
    en: 'Rule “team size”: an entry has exactly {{size}} worker(s); {{given}} given',
  },
  ruleDuplicate: {
    zh: '规则“职工不重复”：workerIds[{{index}}] 与 workerIds[{{first}}] 重复',
    en: 'Rule “no duplicate worker”: workerIds[{{index}}] repeats workerIds[{{first}}]',
  },
  ruleOneEntry: { zh: '规则“每人一项报名”：{{name}}已报名本竞赛', en: 'Rule “one entry per worker”: {{name}} is already entered in this competition' },
  ruleOneEntryRace: {
    zh: '规则“每人一项报名”：本报名中有职工已报名本竞赛',
    en: 'Rule “one entry per worker”: a worker of this entry is already entered in this competition',
  },
  teamNameRequired: { zh: '团体报名须填写队名（teamName）', en: 'teamName is required for team entries' },
  deadlinePassed: {
    zh: '报名已于截止时间（{{deadline}}）结束；组织者可说明原因后延长',
    en: 'Registration closed at its deadline ({{deadline}}); the organizer may extend it with a reason',
  },
  alreadyStatus: { zh: '该报名已是“{{status}}”状态', en: 'The entry is already {{status}}' },
  noActiveEntry: { zh: '没有参赛中的报名，无法抽签', en: 'There is no active entry to draw lots for' },
  badCursor: { zh: '`{{name}}` 不是此列表的有效游标', en: '`{{name}}` is not a valid cursor for this list' },
  // Phrases for assertStatus and cleanReason (what cannot be done / what needs a reason).
  registering: { zh: '登记参赛', en: 'Registering an entry' },
  withdrawing: { zh: '退赛', en: 'Withdrawing an entry' },
  disqualifying: { zh: '取消参赛资格', en: 'Disqualifying an entry' },
  markingAbsent: { zh: '登记缺考', en: 'Marking an entry absent' },
  drawing: { zh: '抽签', en: 'Drawing lots' },
  toWithdraw: { zh: '退赛', en: 'withdraw an entry' },
  toDisqualify: { zh: '取消参赛资格', en: 'disqualify an entry' },
  toMarkAbsent: { zh: '登记缺考', en: 'mark an entry absent' },
});
