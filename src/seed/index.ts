import { Role } from '../auth/role.js';
import { Dice, SeedClient } from './client.js';
import { seedRegistry } from './registry.js';
import { seedCompetitions, type DemoUser, type SeedCompetitions } from './competitions.js';
import { seedInnovation, type SeedInnovation } from './innovation.js';
import { seedMethods, seedShowcase, type SeedMethods } from './methods.js';
import { DEMO_DOMAIN } from './progress.js';
import { seedHonors, type SeedHonors } from './honors.js';
import { seedTalent, type SeedTalent } from './talent.js';
import { seedAppraisal, type SeedAppraisal } from './appraisal.js';
import { beginFinishedDrill, seedDrillBank, seedOpenDrill, type SeedDrills } from './drills.js';

export interface DemoCity {
  enterprises: number;
  workers: number;
  competitions: SeedCompetitions;
  innovation: SeedInnovation;
  methods: SeedMethods;
  honors: SeedHonors;
  talent: SeedTalent;
  appraisal: SeedAppraisal;
  drills: SeedDrills;
  /** [email, what the login is for]; every demo login has the admin's password. */
  logins: [string, string][];
}

/** The whole demo city, through the GraphQL API at `url`, as the given admin; `say` hears what takes a while. */
export async function seedDemo(url: string, adminEmail: string, password: string, say: (line: string) => void = () => {}): Promise<DemoCity> {
  const c = new SeedClient(url);
  const dice = new Dice();
  const admin = await c.login(adminEmail, password);
  const reg = await seedRegistry(c, admin, dice);
  const judgesEnterprise = reg.enterprises[2]!; // 秦皇岛电力检修工程 supplies the judges and enters no one
  const judgeWorkers = reg.workers.filter((w) => w.enterpriseId === judgesEnterprise.id && ['TECHNICIAN', 'SENIOR_TECHNICIAN'].includes(w.skillLevel));
  const user = async (email: string, displayName: string, role: Role, workerId?: string): Promise<DemoUser> => {
    const { user: u } = await c.mutate(admin, 'createUser', 'CreateUserInput', { email, displayName, password, roles: [role], ...(workerId ? { workerId } : {}) }, 'user { id }');
    return { email, password, role, token: await c.login(email, password), globalId: u.id };
  };
  const organizer = await user(`organizer@${DEMO_DOMAIN}`, '市总工会竞赛组委会', Role.ORGANIZER);
  const judges: DemoUser[] = [];
  for (let j = 0; j < 3; j++) judges.push(await user(`judge${j + 1}@${DEMO_DOMAIN}`, `裁判${j + 1}`, Role.JUDGE, (judgeWorkers[j] ?? reg.workers[j])!.id));
  // The welding contest's encryption officer (加密裁判): a JUDGE account on no panel, as the rules ask.
  const officer = await user(`officer@${DEMO_DOMAIN}`, '加密裁判', Role.JUDGE);
  const manager = await user(`studio@${DEMO_DOMAIN}`, '工作室管理员', Role.STUDIO_MANAGER);
  const reviewer = await user(`reviewer@${DEMO_DOMAIN}`, '评审专家', Role.REVIEWER);
  const reviewers = [reviewer, await user(`reviewer2@${DEMO_DOMAIN}`, '评审专家二', Role.REVIEWER), await user(`reviewer3@${DEMO_DOMAIN}`, '评审专家三', Role.REVIEWER)];
  // The welding drill's window runs while the rest of the city is built: the seed waits only for what is left of it.
  const bank = await seedDrillBank(c, organizer.token, reviewer.token);
  const welding = await beginFinishedDrill(c, reg, organizer.token, bank.keys);
  const competitions = await seedCompetitions(c, dice, reg, organizer.token, judges, judgesEnterprise.id, officer);
  const innovation = await seedInnovation(c, dice, reg, admin, manager, reviewer);
  const methods = await seedMethods(c, dice, reg, admin, organizer.token, manager, reviewers, innovation.studios);
  const talent = await seedTalent(c, admin, reg);
  await seedShowcase(c, organizer.token, manager, innovation.studios, [...innovation.innovationIds.slice(0, 3), ...methods.namedIds, ...innovation.projectIds.slice(1, 4)]);
  const appraisal = await seedAppraisal(c, admin, reg, password);
  const honors = await seedHonors(c, reg, admin, organizer.token, reviewers, password, DEMO_DOMAIN);
  const open = await seedOpenDrill(c, reg, organizer.token, bank.keys);
  const drills: SeedDrills = { questions: bank.questions, approved: bank.keys.size, open, finished: await welding.finish(say) };
  return {
    honors,
    enterprises: reg.enterprises.length,
    workers: reg.workers.length,
    competitions,
    innovation,
    methods,
    talent,
    appraisal,
    drills,
    logins: [
      [organizer.email, 'ORGANIZER (owns the competitions and the online drills)'],
      ...judges.map((j): [string, string] => [j.email, 'JUDGE (on both panels)']),
      [officer.email, 'JUDGE named encryption officer (加密裁判) of the welding contest: holds its theory paper’s marking codes'],
      [manager.email, 'STUDIO_MANAGER (manages every demo studio)'],
      ...reviewers.map((r): [string, string] => [r.email, 'REVIEWER (studios, methods, projects, honor campaigns, the question bank)']),
      ...appraisal.logins,
      [`nominator1@${DEMO_DOMAIN}`, 'NOMINATOR (企业推荐人) of the first demo enterprise; nominator2… of the next ones'],
    ],
  };
}
