import type { Dice, SeedClient } from './client.js';
import type { SeedRegistry, SeedWorker } from './registry.js';

export interface DemoUser { email: string; password: string; role: string; token: string; globalId: string }
export interface SeedCompetitions { liveId: string; finalizedId: string; upcomingId: string }

const LEVEL_ORDER = ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN'];
const atLeast = (w: SeedWorker, level: string) => LEVEL_ORDER.indexOf(w.skillLevel) >= LEVEL_ORDER.indexOf(level);
const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

interface Built {
  id: string;
  criteria: { id: string; kind: string; maxScore: number; stageId: string }[];
  entries: string[];
  /** Per anonymous stage: entry → the marking ID its judges mark it by (read from the officer's code map). */
  slips: Map<string, Map<string, string>>;
}

type StageSpec = { name: string; weight: number; anonymous?: boolean; criteria: { name: string; kind: string; maxScore: number }[] };

const CODE_MAP = `query($id: ID!) { node(id: $id) { ... on Stage { markingCodes(first: 100) { nodes { markingId entry { id } } } } } }`;

async function build(c: SeedClient, org: string, judges: DemoUser[], input: Record<string, unknown>,
  stages: StageSpec[], competitors: SeedWorker[], until: 'REGISTRATION_OPEN' | 'IN_PROGRESS', officer?: DemoUser): Promise<Built> {
  const { competition } = await c.mutate(org, 'createCompetition', 'CreateCompetitionInput', input, 'competition { id }');
  const id: string = competition.id;
  const criteria: Built['criteria'] = [];
  const stageIds: string[] = [];
  const anonymousStageIds: string[] = [];
  for (const s of stages) {
    const { stage } = await c.mutate(org, 'addStage', 'AddStageInput', { competitionId: id, name: s.name, weight: s.weight, anonymous: !!s.anonymous }, 'stage { id }');
    stageIds.push(stage.id);
    if (s.anonymous) anonymousStageIds.push(stage.id);
    for (const cr of s.criteria) {
      const { criterion } = await c.mutate(org, 'addCriterion', 'AddCriterionInput', { stageId: stage.id, ...cr, description: `${s.name}：${cr.name}` }, 'criterion { id }');
      criteria.push({ id: criterion.id, kind: cr.kind, maxScore: cr.maxScore, stageId: stage.id });
    }
  }
  if (anonymousStageIds.length && !officer) throw new Error('an anonymous stage needs an encryption officer');
  if (officer && anonymousStageIds.length) {
    await c.mutate(org, 'appointOfficial', 'AppointOfficialInput', { competitionId: id, userId: officer.globalId, duty: 'ENCRYPTION_OFFICER' }, 'official { id }');
  }
  for (const [i, j] of judges.entries()) {
    await c.mutate(org, 'assignJudge', 'AssignJudgeInput', { competitionId: id, userId: j.globalId, stageIds, chief: i === 0 }, 'assignment { id }');
  }
  const move = (name: string) => c.mutate(org, name, 'CompetitionTransitionInput', { competitionId: id }, 'competition { status }');
  await move('openRegistration');
  const entries: string[] = [];
  for (const w of competitors) {
    entries.push((await c.mutate(org, 'registerEntry', 'RegisterEntryInput', { competitionId: id, workerIds: [w.id] }, 'entry { id }')).entry.id);
  }
  if (until === 'IN_PROGRESS') {
    await move('closeRegistration');
    await c.mutate(org, 'drawLots', 'DrawLotsInput', { competitionId: id, seed: `演示抽签-${id.slice(-6)}` }, 'competition { id }');
  }
  // After the draw the encryption officer issues the papers' codes (发放加密号); only they read the map.
  const slips: Built['slips'] = new Map();
  for (const stageId of until === 'IN_PROGRESS' ? anonymousStageIds : []) {
    await c.mutate(officer!.token, 'issueMarkingCodes', 'IssueMarkingCodesInput', { stageId }, 'issuedCount');
    const map = (await c.request(CODE_MAP, { id: stageId }, officer!.token)).node.markingCodes.nodes as { markingId: string; entry: { id: string } }[];
    slips.set(stageId, new Map(map.map((m) => [m.entry.id, m.markingId])));
  }
  if (until === 'IN_PROGRESS') await move('startCompetition');
  return { id, criteria, entries, slips };
}

/**
 * Marks of every judge (JUDGEMENT) or the first judge (MEASUREMENT) for a share of the entries. An
 * anonymous stage is marked by marking ID, and not by the chief judge (judges[0]), who sees marks by entry.
 */
async function mark(c: SeedClient, dice: Dice, built: Built, judges: DemoUser[], share: number): Promise<void> {
  for (const [k, entryId] of built.entries.entries()) {
    const skill = 0.55 + 0.4 * dice.next();
    const complete = k < Math.round(built.entries.length * share);
    for (const cr of built.criteria) {
      if (!complete && dice.next() < 0.6) continue;
      const slip = built.slips.get(cr.stageId)?.get(entryId);
      const panel = slip ? judges.slice(1) : judges;
      const markers = cr.kind === 'MEASUREMENT' ? [panel[0]!] : panel;
      const values = markers.map(() => Math.min(cr.maxScore, Math.round(cr.maxScore * (skill + 0.08 * (dice.next() - 0.5)) * 100) / 100));
      const target = slip ? { markingId: slip } : { entryId };
      // The panel marks side by side, as on the day.
      await Promise.all(markers.map((j, i) => c.mutate(j.token, 'submitScore', 'SubmitScoreInput', { ...target, criterionId: cr.id, value: values[i] }, 'score { id }')));
    }
  }
}

/**
 * One welding contest in progress (live marks: open its scoreboard), one CNC contest finalized with
 * prizes, honors and promotions written to the registry, and a job drill taking registrations.
 */
export async function seedCompetitions(c: SeedClient, dice: Dice, reg: SeedRegistry, org: string, judges: DemoUser[], judgesEnterpriseId: string, officer: DemoUser): Promise<SeedCompetitions> {
  const eligible = (trade: string) => reg.workers.filter((w) => w.trade === trade && w.enterpriseId !== judgesEnterpriseId && atLeast(w, 'INTERMEDIATE'));
  const live = await build(c, org, judges, {
    title: '2026年秦皇岛市焊工职业技能大赛', description: '全市职工职业技能大赛焊工赛项：理论考试与实操（板对接、管对接）。',
    kind: 'SKILLS_COMPETITION', level: 'CITY', trade: '焊工', aggregation: 'MEAN', startsAt: day(-1), endsAt: day(1),
    eligibility: { trades: ['焊工'], minSkillLevel: 'INTERMEDIATE' },
    prizeTiers: [{ prize: 'FIRST', share: 0.1 }, { prize: 'SECOND', share: 0.2 }, { prize: 'THIRD', share: 0.3 }], honorTopN: 3, promotionTopM: 3,
  }, [
    // The theory paper is marked by code without the entrant (加密评分); the practical at the station.
    { name: '理论', weight: 30, anonymous: true, criteria: [{ name: '理论考试', kind: 'MEASUREMENT', maxScore: 100 }] },
    { name: '实操', weight: 70, criteria: [{ name: '板对接焊缝外观', kind: 'JUDGEMENT', maxScore: 40 }, { name: '管对接射线探伤', kind: 'JUDGEMENT', maxScore: 30 }, { name: '安全文明生产', kind: 'JUDGEMENT', maxScore: 30 }] },
  ], eligible('焊工').slice(0, 24), 'IN_PROGRESS', officer);
  await mark(c, dice, live, judges, 0.6);

  const finalized = await build(c, org, judges, {
    title: '2026年港城数控车工技术比武', description: '岗位技术比武：轮毂与轴承零件加工精度与效率。', kind: 'TECHNICAL_CONTEST', level: 'CITY', trade: '数控车工',
    aggregation: 'TRIMMED_MEAN', startsAt: day(-30), endsAt: day(-29),
    prizeTiers: [{ prize: 'FIRST', count: 1 }, { prize: 'SECOND', count: 2 }, { prize: 'THIRD', count: 3 }], honorTopN: 1, promotionTopM: 2,
  }, [{ name: '实操', weight: 100, criteria: [{ name: '尺寸精度', kind: 'MEASUREMENT', maxScore: 60 }, { name: '工艺与效率', kind: 'JUDGEMENT', maxScore: 40 }] }],
  eligible('数控车工').slice(0, 10), 'IN_PROGRESS');
  await mark(c, dice, finalized, judges, 1);
  // As the rules have it: scoring closes, the chief judge signs every stage, the results are published
  // (成绩公示; this contest took no appeals, so its window is 0), then they are final.
  await c.mutate(org, 'closeScoring', 'CompetitionTransitionInput', { competitionId: finalized.id }, 'competition { status }');
  for (const stageId of new Set(finalized.criteria.map((cr) => cr.stageId))) await c.mutate(judges[0]!.token, 'signOffStage', 'SignOffStageInput', { stageId }, 'signOff { id }');
  await c.mutate(org, 'updateCompetition', 'UpdateCompetitionInput', { competitionId: finalized.id, appealWindowMinutes: 0 }, 'competition { id }');
  for (const name of ['publishResults', 'finalizeCompetition']) {
    await c.mutate(org, name, 'CompetitionTransitionInput', { competitionId: finalized.id }, 'competition { status }');
  }

  const upcoming = await build(c, org, judges, {
    title: '秦皇岛港务集团电工岗位练兵', description: '企业级岗位练兵：装卸桥配电柜故障排查。', kind: 'JOB_DRILL', level: 'ENTERPRISE', trade: '电工', hostEnterpriseId: reg.enterprises[0]!.id,
    aggregation: 'MEDIAN', registrationDeadline: day(10), startsAt: day(14), endsAt: day(15),
    eligibility: { trades: ['电工'], enterpriseIds: [reg.enterprises[0]!.id] },
  }, [{ name: '故障排查', weight: 100, criteria: [{ name: '排查用时', kind: 'MEASUREMENT', maxScore: 50 }, { name: '操作规范', kind: 'JUDGEMENT', maxScore: 50 }] }],
  reg.workers.filter((w) => w.trade === '电工' && w.enterpriseId === reg.enterprises[0]!.id).slice(0, 5), 'REGISTRATION_OPEN');

  return { liveId: live.id, finalizedId: finalized.id, upcomingId: upcoming.id };
}
