import type { Dice, SeedClient } from './client.js';
import type { DemoUser } from './competitions.js';
import type { SeedRegistry, SeedWorker } from './registry.js';

export interface SeedStudio { id: string; name: string; status: string; enterpriseId: string; members: string[] }
export interface SeedInnovation { studios: SeedStudio[]; innovationIds: string[]; projectIds: string[] }

/** [name, kind, level, enterprise index, where the accreditation ends up] */
const STUDIOS: [string, string, string, number, string][] = [
  ['王建国劳模创新工作室', 'MODEL_WORKER', 'CITY', 0, 'ACCREDITED'],
  ['港城焊接工匠工作室', 'CRAFTSMAN', 'CITY', 1, 'ACCREDITED'],
  ['轮毂数控加工技能大师工作室', 'SKILL_MASTER', 'PROVINCE', 5, 'ACCREDITED'],
  ['葡萄酒酿造职工创新工作室', 'WORKER_INNOVATION', 'DISTRICT', 9, 'ACCREDITED'],
  ['浮法玻璃熔制职工创新工作室', 'WORKER_INNOVATION', 'CITY', 8, 'APPLIED'],
  ['玻璃模具职工创新工作室', 'WORKER_INNOVATION', 'DISTRICT', 4, 'CHANGES_REQUESTED'],
  ['特钢轧制职工创新工作室', 'WORKER_INNOVATION', 'ENTERPRISE', 10, 'REJECTED'],
  ['轴承装配技能大师工作室', 'SKILL_MASTER', 'DISTRICT', 11, 'SUSPENDED'],
  ['供水管网职工创新工作室', 'WORKER_INNOVATION', 'DISTRICT', 3, 'REVOKED'],
];
const LEVELS = ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN'];

function leaderFor(kind: string, staff: SeedWorker[], honored: Map<string, string[]>): SeedWorker | undefined {
  if (kind === 'MODEL_WORKER' || kind === 'CRAFTSMAN') return staff.find((w) => honored.get(w.id)?.includes(kind));
  if (kind === 'SKILL_MASTER') return staff.find((w) => LEVELS.indexOf(w.skillLevel) >= LEVELS.indexOf('TECHNICIAN'));
  return staff[0];
}

async function honorsOf(c: SeedClient, admin: string, workers: SeedWorker[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < workers.length; i += 100) {
    // The seed grants a worker at most a few honors; a page of 10 keeps the query within the default cost limit
    // (100 workers × 100 honors would not be: the seed must run on the defaults a new user has).
    const d: any = await c.request(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Worker { id honors(first: 10) { nodes { kind } } } } }`, { ids: workers.slice(i, i + 100).map((w) => w.id) }, admin);
    for (const n of d.nodes) if (n) out.set(n.id, n.honors.nodes.map((h: { kind: string }) => h.kind));
  }
  return out;
}

/**
 * Studios in every accreditation state (the leaders meet their kind's rule: honors were granted by the
 * registry seed, or the leader is honored here), members and yearly reports, innovations of the
 * accredited ones, and incubation projects at every stage gate.
 */
export async function seedInnovation(c: SeedClient, dice: Dice, reg: SeedRegistry, admin: string, manager: DemoUser, reviewer: DemoUser): Promise<SeedInnovation> {
  const honored = await honorsOf(c, admin, reg.workers);
  const studios: SeedStudio[] = [];
  for (const [name, kind, level, e, end] of STUDIOS) {
    const enterprise = reg.enterprises[e]!;
    const staff = reg.workers.filter((w) => w.enterpriseId === enterprise.id);
    let leader = leaderFor(kind, staff, honored);
    if (!leader) {
      leader = staff[1]!;
      await c.mutate(admin, 'grantHonor', 'GrantHonorInput', { workerId: leader.id, kind, level: 'CITY', year: 2024, source: '秦皇岛市总工会' }, 'honor { id }');
    }
    const { studio } = await c.mutate(manager.token, 'applyForStudio', 'ApplyForStudioInput', {
      name, kind, level, enterpriseId: enterprise.id, leaderWorkerId: leader.id,
      description: `${enterprise.name}的${name}，围绕生产一线难题开展技术攻关、带徒传技。`, focusAreas: ['技术攻关', '带徒传技'],
    }, 'studio { id }');
    const members = staff.filter((w) => w.id !== leader!.id).slice(0, dice.int(3, 6));
    for (const [i, w] of members.entries()) {
      const role = i === 0 ? 'CORE_MEMBER' : i === members.length - 1 ? 'APPRENTICE' : 'MEMBER';
      await c.mutate(manager.token, 'addStudioMember', 'AddStudioMemberInput', { studioId: studio.id, workerId: w.id, role, ...(role === 'APPRENTICE' ? { mentorWorkerId: members[0]!.id } : {}) }, 'member { id }');
    }
    const decide = (decision: string, comment: string) => c.mutate(reviewer.token, 'reviewStudio', 'ReviewStudioInput', { studioId: studio.id, decision, comment }, 'studio { status }');
    const reevaluate = (decision: string, comment: string) => c.mutate(reviewer.token, 'reevaluateStudio', 'ReevaluateStudioInput', { studioId: studio.id, decision, comment }, 'studio { status }');
    if (end === 'CHANGES_REQUESTED') await decide('REQUEST_CHANGES', '请补充近三年攻关成果材料');
    if (end === 'REJECTED') await decide('REJECT', '成立不足一年，暂不符合认定条件');
    if (['ACCREDITED', 'SUSPENDED', 'REVOKED'].includes(end)) await decide('ACCREDIT', '材料齐全，符合认定条件');
    if (end === 'SUSPENDED') await reevaluate('SUSPEND', '年度报告逾期未交');
    if (end === 'REVOKED') await reevaluate('REVOKE', '负责人调离，工作室停止运行');
    if (end === 'ACCREDITED') {
      await c.mutate(manager.token, 'submitStudioReport', 'SubmitStudioReportInput', {
        studioId: studio.id, year: new Date().getUTCFullYear() - 1, trainees: dice.int(20, 200), apprenticesMentored: dice.int(2, 12),
        projectsCompleted: dice.int(1, 8), patentsFiled: dice.int(0, 5), economicBenefit: `${dice.int(50, 900) * 1000}.00`, summary: '完成年度攻关课题，开展技能培训与师带徒。',
      }, 'report { id }');
    }
    studios.push({ id: studio.id, name, status: end, enterpriseId: enterprise.id, members: [leader.id, ...members.map((m) => m.id)] });
  }

  const accredited = studios.filter((s) => s.status === 'ACCREDITED');
  const innovationIds: string[] = [];
  const ideas: [string, string][] = [
    ['厚板多层多道焊变形控制工艺', 'PROCESS_IMPROVEMENT'], ['岸桥吊具快速换装装置', 'TECHNICAL_INNOVATION'],
    ['数控刀具寿命预警方法', 'PATENT'], ['汽车轮毂涂装一次合格率提升', 'QC_ACHIEVEMENT'], ['焊材库存看板化管理', 'RATIONALIZATION_PROPOSAL'],
    ['管道焊口射线底片数字化评片', 'TECHNICAL_INNOVATION'], ['主轴热变形补偿程序', 'PATENT'],
  ];
  for (const [i, [title, category]] of ideas.entries()) {
    const s = accredited[i % accredited.length]!;
    const { innovation } = await c.mutate(manager.token, 'registerInnovation', 'RegisterInnovationInput', {
      studioId: s.id, title, category, description: `${s.name}：${title}`, inventorWorkerIds: s.members.slice(0, 2),
      economicBenefit: `${dice.int(10, 500) * 1000}.00`, ...(category === 'PATENT' ? { patentNumber: `ZL2025${dice.int(10000000, 99999999)}.X` } : {}),
    }, 'innovation { id }');
    innovationIds.push(innovation.id);
  }

  // Projects walked to each stage: IDEA, INCUBATING, PILOT, GRADUATED, TERMINATED.
  const projectIds: string[] = [];
  const gate = (projectId: string, decision: string, comment: string) =>
    c.mutate(reviewer.token, 'advanceProject', 'AdvanceProjectInput', { projectId, gateDecision: { decision, score: dice.int(60, 95), comment } }, 'project { stage }');
  const plans: [string, string, number][] = [
    ['焊接烟尘智能净化小车', '环保装备', 0], ['港机远程故障诊断平台', '工业互联网', 1], ['数控机床能耗优化系统', '智能制造', 2],
    ['浮法玻璃缺陷视觉检测', '机器视觉', 3], ['手持式焊缝测量尺', '量具', 4],
  ];
  for (const [k, [title, field, stage]] of plans.entries()) {
    const s = accredited[k % accredited.length]!;
    const { project } = await c.mutate(manager.token, 'createIncubationProject', 'CreateIncubationProjectInput', { title, field, summary: `源自${s.name}的职工创新成果转化项目。`, leadWorkerId: s.members[0], studioId: s.id }, 'project { id }');
    projectIds.push(project.id);
    if (stage === 4) {
      await gate(project.id, 'KILL', '市场需求不足，终止孵化');
      continue;
    }
    if (stage >= 1) {
      await c.mutate(manager.token, 'addProjectPartner', 'AddProjectPartnerInput', { projectId: project.id, kind: 'UNION', name: '秦皇岛市总工会', contribution: '孵化场地与创新补助' }, 'partner { id }');
      await c.mutate(manager.token, 'addProjectPartner', 'AddProjectPartnerInput', { projectId: project.id, kind: 'COLLEGE', name: '燕山大学', contribution: '技术验证' }, 'partner { id }');
      await gate(project.id, 'PASS', '合作方落实，进入孵化');
    }
    if (stage >= 2) {
      const { milestone } = await c.mutate(manager.token, 'addMilestone', 'AddMilestoneInput', { projectId: project.id, title: '样机试制' }, 'milestone { id }');
      await c.mutate(manager.token, 'completeMilestone', 'CompleteMilestoneInput', { milestoneId: milestone.id, note: '样机通过内部测试' }, 'milestone { id }');
      await gate(project.id, 'PASS', '样机达标，进入中试');
    }
    if (stage >= 3) {
      await c.mutate(manager.token, 'addProjectPartner', 'AddProjectPartnerInput', { projectId: project.id, kind: 'FINANCIAL_INSTITUTION', name: '秦皇岛银行', contribution: '科技信贷' }, 'partner { id }');
      await c.mutate(manager.token, 'recordFunding', 'RecordFundingInput', { projectId: project.id, sourceKind: 'FINANCIAL_INSTITUTION', source: '秦皇岛银行科技贷', amount: '500000.00', receivedAt: new Date(Date.now() - 30 * 86_400_000).toISOString() }, 'funding { id }');
      await gate(project.id, 'PASS', '中试成功，孵化毕业');
    }
  }
  return { studios, innovationIds, projectIds };
}
