import { creditCodeCheckChar } from '../registry/credit-code.js';
import type { Dice, SeedClient } from './client.js';

export interface SeedWorker { id: string; name: string; trade: string; skillLevel: string; enterpriseId: string }
export interface SeedEnterprise { id: string; name: string; district: string; ownership: string }
export interface SeedRegistry { enterprises: SeedEnterprise[]; workers: SeedWorker[] }

/** Qinhuangdao (秦皇岛, 港城): its districts and counties with their administrative division codes. */
const DIVISIONS: Record<string, string> = {
  海港区: '130302', 山海关区: '130303', 北戴河区: '130304', 抚宁区: '130306',
  青龙满族自治县: '130321', 昌黎县: '130322', 卢龙县: '130324', 经济技术开发区: '130371',
};
/** Welders work everywhere (the welding contest draws from all); the other trades follow the industry. */
const ENTERPRISES: [name: string, ownership: string, size: string, industry: string, district: string, trades: string[]][] = [
  ['秦皇岛港务集团', 'STATE_OWNED', 'LARGE', '港口物流', '海港区', ['港口装卸机械司机', '电工', '钳工']],
  ['山海关船舶重工', 'STATE_OWNED', 'LARGE', '装备制造', '山海关区', ['钳工', '数控车工', '电工']],
  ['秦皇岛电力检修工程', 'STATE_OWNED', 'MEDIUM', '电力', '北戴河区', ['电工', '钳工', '数控车工']],
  ['卢龙县城乡供水合作社', 'COLLECTIVE', 'SMALL', '水务', '卢龙县', ['电工', '钳工']],
  ['昌黎玻璃制品', 'PRIVATE', 'MEDIUM', '玻璃', '昌黎县', ['玻璃熔制工', '钳工', '电工']],
  ['港城汽车轮毂', 'PRIVATE', 'LARGE', '汽车零部件', '经济技术开发区', ['汽车装调工', '数控车工', '钳工']],
  ['抚宁数控机械', 'PRIVATE', 'SMALL', '装备制造', '抚宁区', ['数控车工', '钳工']],
  ['青龙小微焊接工作坊', 'PRIVATE', 'MICRO', '金属加工', '青龙满族自治县', ['钳工']],
  ['耀华玻璃', 'MIXED', 'LARGE', '玻璃', '海港区', ['玻璃熔制工', '电工', '钳工']],
  ['昌黎葡萄酒酿造', 'MIXED', 'MEDIUM', '食品', '昌黎县', ['食品检验员', '电工', '钳工']],
  ['秦皇岛安丰特钢（外资）', 'FOREIGN_INVESTED', 'LARGE', '冶金', '抚宁区', ['轧钢工', '电工', '钳工']],
  ['开发区德精密轴承（外资）', 'FOREIGN_INVESTED', 'MEDIUM', '机械制造', '经济技术开发区', ['数控车工', '钳工']],
];
const EDUCATION = ['SECONDARY_VOCATIONAL', 'SENIOR_HIGH', 'JUNIOR_COLLEGE', 'SECONDARY_VOCATIONAL', 'JUNIOR_HIGH_OR_BELOW', 'BACHELOR'];
const LEVELS = ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤';
const GIVEN = ['建国', '晓明', '芳', '伟', '秀英', '志强', '丽娟', '海峰', '国庆', '春梅', '文斌', '雪梅', '俊杰', '桂兰', '振华', '红霞', '明辉', '金凤', '永强', '淑珍', '德胜', '美玲', '建华', '小燕', '立新', '玉兰', '宏伟', '静', '鹏飞', '慧敏'];

function creditCode(n: number, district: string): string {
  const body = `91${DIVISIONS[district]}${String(700_000_000 + n).padStart(9, '0')}`;
  return body + creditCodeCheckChar(body);
}

async function workersOf(c: SeedClient, token: string, enterpriseId: string): Promise<SeedWorker[]> {
  const out: SeedWorker[] = [];
  let after: string | null = null;
  for (;;) {
    const d: any = await c.request(
      `query($e: ID!, $a: String) { workers(first: 100, after: $a, filter: { enterpriseId: $e }) { nodes { id name trade skillLevel } pageInfo { hasNextPage endCursor } } }`,
      { e: enterpriseId, a: after }, token);
    out.push(...d.workers.nodes.map((w: any) => ({ ...w, enterpriseId })));
    if (!d.workers.pageInfo.hasNextPage) return out;
    after = d.workers.pageInfo.endCursor;
  }
}

/** Twelve Qinhuangdao enterprises of every ownership and size across its districts and counties, ~25 workers each, some honored. */
export async function seedRegistry(c: SeedClient, admin: string, dice: Dice): Promise<SeedRegistry> {
  const enterprises: SeedEnterprise[] = [];
  const workers: SeedWorker[] = [];
  for (const [i, [name, ownership, size, industry, district, trades]] of ENTERPRISES.entries()) {
    const { enterprise } = await c.mutate(admin, 'createEnterprise', 'CreateEnterpriseInput',
      { name, creditCode: creditCode(i + 1, district), ownership, size, industry, district }, 'enterprise { id }');
    enterprises.push({ id: enterprise.id, name, district, ownership });
    const count = size === 'MICRO' ? 6 : size === 'SMALL' ? 15 : size === 'MEDIUM' ? 25 : 40;
    const rows = Array.from({ length: count }, (_, k) => ({
      name: dice.pick([...SURNAMES]) + dice.pick(GIVEN),
      gender: dice.next() < 0.7 ? 'MALE' : 'FEMALE',
      birthYear: dice.int(1968, 2003),
      trade: k % 3 === 0 ? '焊工' : dice.pick(trades),
      skillLevel: dice.pick(LEVELS),
      employeeNumber: `E${String(i + 1).padStart(2, '0')}${String(k + 1).padStart(4, '0')}`,
      migrantWorker: dice.next() < 0.35,
      joinedAt: new Date(Date.UTC(dice.int(2000, 2024), dice.int(0, 11), 1)).toISOString().slice(0, 10),
    })).map((row, k) => ({
      // Issue 15 §0 facts, from the row's place (no dice, so the rest of the demo stays as it was).
      ...row, frontLine: k % 5 !== 0, tradeStartYear: row.birthYear + 18 + (k % 4), education: EDUCATION[k % EDUCATION.length],
    }));
    await c.mutate(admin, 'importWorkers', 'ImportWorkersInput', { enterpriseId: enterprise.id, rows }, 'createdCount');
    workers.push(...(await workersOf(c, admin, enterprise.id)));
  }
  // Honors: model workers and craftsmen lead studios later; a few more for the registry's sake.
  const honors: [kind: string, level: string][] = [['MODEL_WORKER', 'CITY'], ['CRAFTSMAN', 'CITY'], ['GOLD_MEDAL_WORKER', 'DISTRICT'], ['TECHNICAL_EXPERT', 'PROVINCE']];
  for (const [k, w] of workers.entries()) {
    if (k % 11 !== 0) continue;
    const [kind, level] = honors[(k / 11) % honors.length]!;
    await c.mutate(admin, 'grantHonor', 'GrantHonorInput', { workerId: w.id, kind, level, year: dice.int(2018, 2025), source: '秦皇岛市总工会' }, 'honor { id }');
  }
  return { enterprises, workers };
}
