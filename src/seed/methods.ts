import type { Dice, SeedClient } from './client.js';
import type { DemoUser } from './competitions.js';
import type { SeedStudio } from './innovation.js';
import type { SeedRegistry } from './registry.js';

export interface SeedMethods { namedIds: string[]; otherIds: string[] }

/**
 * Operating methods (先进操作法) through their whole path: submitted by a studio's manager, reviewed by
 * three experts, named after the lead inventor and adopted by other enterprises; one still under
 * review, one rejected.
 */
export async function seedMethods(c: SeedClient, dice: Dice, reg: SeedRegistry, admin: string, organizer: string,
  manager: DemoUser, reviewers: DemoUser[], studios: SeedStudio[]): Promise<SeedMethods> {
  const nameOf = new Map(reg.workers.map((w) => [w.id, w.name]));
  const accredited = studios.filter((s) => s.status === 'ACCREDITED');
  const plans: [proposed: string, suffix: string, trade: string, end: 'NAMED' | 'UNDER_REVIEW' | 'REJECTED'][] = [
    ['厚板窄间隙高效焊接操作法', '窄间隙高效焊接法', '焊工', 'NAMED'],
    ['岸桥吊具五步快速检修法', '吊具五步快速检修法', '钳工', 'NAMED'],
    ['薄壁件数控车削防变形操作法', '薄壁件防变形车削法', '数控车工', 'NAMED'],
    ['玻璃窑炉温度精细调控操作法', '窑温精细调控法', '玻璃熔制工', 'UNDER_REVIEW'],
    ['配电柜故障三看一测排查法', '三看一测排查法', '电工', 'REJECTED'],
  ];
  const out: SeedMethods = { namedIds: [], otherIds: [] };
  for (const [k, [proposedName, suffix, trade, end]] of plans.entries()) {
    const studio = accredited[k % accredited.length]!;
    const [lead, second] = studio.members;
    const { method } = await c.mutate(manager.token, 'submitOperatingMethod', 'SubmitOperatingMethodInput', {
      proposedName, inventorWorkerIds: [lead, second], studioId: studio.id, trade,
      summary: `${studio.name}在生产一线总结提炼的${proposedName}。`, steps: ['作业前检查', '关键参数设定', '分步操作', '质量自检'],
      expectedBenefit: '作业效率提高约30%，一次合格率提升至99%以上',
    }, 'method { id }');
    await c.mutate(admin, 'assignMethodReviewers', 'AssignMethodReviewersInput', { methodId: method.id, reviewerUserIds: reviewers.map((r) => r.globalId) }, 'method { id }');
    const reviewing = end === 'UNDER_REVIEW' ? reviewers.slice(0, 1) : reviewers;
    for (const r of reviewing) {
      const s = () => (end === 'REJECTED' ? dice.int(10, 16) : dice.int(19, 24));
      await c.mutate(r.token, 'reviewOperatingMethod', 'ReviewOperatingMethodInput', {
        methodId: method.id, innovation: s(), practicality: s(), benefit: s(), promotability: s(), recommend: end !== 'REJECTED', comment: end === 'REJECTED' ? '创新性不足，与现行规程差异不大' : '操作性强，具备推广价值',
      }, 'review { id }');
    }
    if (end === 'REJECTED') {
      await c.mutate(admin, 'rejectOperatingMethod', 'RejectOperatingMethodInput', { methodId: method.id, reason: '专家评审未达命名条件' }, 'method { id }');
      out.otherIds.push(method.id);
      continue;
    }
    if (end === 'UNDER_REVIEW') {
      out.otherIds.push(method.id);
      continue;
    }
    await c.mutate(admin, 'nameOperatingMethod', 'NameOperatingMethodInput', { methodId: method.id, officialName: `${nameOf.get(lead!)}${suffix}` }, 'method { id }');
    out.namedIds.push(method.id);
    // Promoted (推广) to enterprises other than the inventors'.
    for (const e of reg.enterprises.filter((x) => x.id !== studio.enterpriseId).slice(k, k + 3)) {
      await c.mutate(organizer, 'recordMethodAdoption', 'RecordMethodAdoptionInput', {
        methodId: method.id, enterpriseId: e.id, adoptedAt: new Date().toISOString(), // the demo's methods were submitted moments ago
        workersTrained: dice.int(10, 120), economicBenefit: `${dice.int(20, 300) * 1000}.00`,
      }, 'adoption { id }');
    }
  }
  return out;
}

/** An exhibition of innovations, named methods and projects; a regional and an industry alliance of accredited studios. */
export async function seedShowcase(c: SeedClient, organizer: string, manager: DemoUser, studios: SeedStudio[], items: string[]): Promise<{ exhibitionId: string; allianceIds: string[] }> {
  const { exhibition } = await c.mutate(organizer, 'createExhibition', 'CreateExhibitionInput', {
    title: '2026年秦皇岛市职工创新成果展', venue: '秦皇岛市工人文化宫展览馆', online: false,
    startsAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
  }, 'exhibition { id }');
  for (const itemId of items) await c.mutate(organizer, 'addExhibit', 'ExhibitInput', { exhibitionId: exhibition.id, itemId }, 'exhibit { __typename }');
  const accredited = studios.filter((s) => s.status === 'ACCREDITED');
  const allianceIds: string[] = [];
  for (const input of [
    { name: '秦皇岛市职工创新工作室联盟', scope: 'REGIONAL', region: '秦皇岛市', description: '港城创新工作室交流协作' },
    { name: '装备制造产业创新联盟', scope: 'INDUSTRY', industry: '装备制造', description: '装备制造领域技术攻关协作' },
  ]) {
    const { alliance } = await c.mutate(organizer, 'createAlliance', 'CreateAllianceInput', input, 'alliance { id }');
    allianceIds.push(alliance.id);
    for (const s of input.scope === 'REGIONAL' ? accredited : accredited.slice(0, 2)) {
      await c.mutate(manager.token, 'joinAlliance', 'AllianceMembershipInput', { allianceId: alliance.id, studioId: s.id }, 'alliance { id }');
    }
  }
  return { exhibitionId: exhibition.id, allianceIds };
}
