import { defineMessages } from '../common/i18n.js';

/** Messages of the competition-wide rules (access.ts): who may change a competition, in which status. */
export const m = defineMessages('competitions', {
  ownerOnly: { zh: '只有本竞赛的组织者或管理员可以修改', en: 'Only the competition’s organizer or an admin may change it' },
  // {{what}} is a phrase in the reader's language given by the caller (e.g. 登记参赛 / Registering an entry).
  notInStatus: { zh: '竞赛当前为“{{status}}”，不能{{what}}', en: '{{what}} is not possible while the competition is {{status}}' },
});
