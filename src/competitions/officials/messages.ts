import { defineMessages } from '../../common/i18n.js';

/** Messages of a competition's officials (加密裁判, 监督仲裁, 领队). */
export const m = defineMessages('competitions.officials', {
  accountDisabled: { zh: '{{name}}的账号已停用', en: '{{name}}’s account is disabled' },
  leaderNeedsEnterprise: { zh: '领队须指明所带企业（enterpriseId）', en: 'A team leader needs the enterprise they lead (enterpriseId)' },
  enterpriseNotFound: { zh: '企业不存在', en: 'Enterprise not found' },
  enterpriseHasLeader: { zh: '该企业在本竞赛已有领队，请先撤换', en: 'This enterprise already has a team leader in this competition; relieve them first' },
  onlyLeaderEnterprise: { zh: '只有领队对应企业', en: 'Only a team leader has an enterprise' },
  hasEncryptionOfficer: { zh: '本竞赛已有加密裁判，请先撤换', en: 'The competition already has an encryption officer; relieve them first' },
  encryptionOfficerJudges: { zh: '加密裁判不得兼任本竞赛评分裁判', en: 'The encryption officer may not be a judge of the same competition' },
  dutyForOtherEnterprise: { zh: '此人已为另一企业担任该职，请先撤换', en: 'This user already holds the duty for another enterprise; relieve them first' },
  dutyNotHeld: { zh: '此人未在本竞赛担任该职', en: 'This user does not hold that duty in this competition' },
  juryOnly: { zh: '只有本竞赛的组织者和裁判长可查看其人员', en: 'Only the competition’s organizer and chief judge see its officials' },
  naming: { zh: '任命人员', en: 'Naming an official' },
  relieving: { zh: '撤换人员', en: 'Relieving an official' },
  // What needs a reason once marking has begun; {{status}} is the status label.
  toName: { zh: '在竞赛“{{status}}”时任命人员', en: 'name an official once the competition is {{status}}' },
  toRelieve: { zh: '在竞赛“{{status}}”时撤换人员', en: 'relieve an official once the competition is {{status}}' },
});
