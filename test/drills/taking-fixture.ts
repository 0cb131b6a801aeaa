import { Drill } from '../../src/drills/setup/drill.entity';
import { DrillResultRelease, DrillStatus, QuestionDifficulty, QuestionType } from '../../src/drills/enums';
import { Role } from '../../src/auth/role';
import type { User } from '../../src/auth/user.entity';
import { idOf, toGlobalId } from '../../src/common/relay';
import type { TestServer } from '../helpers/server';

/*
 * Drills and their bank for the taking tests, made through the public API (createQuestion, a reviewer's
 * approveQuestion, createDrill, publishDrill) as an organizer would. One exception: a drill whose window
 * is already over is written through the ORM, since the API rightly opens no drill in the past.
 */
export const TRADE = '焊工';
/** A fill-in answer no paper, stem or option carries: a response containing it leaked a key. */
export const SECRET_FILL_IN = '秘密答案XQ7';
export const SECRET_EXPLANATION = '解析内容ZK9';

/** A token for an existing user (the tests' organizers are made by t.user, which returns one too; this serves callers holding only the id). */
async function tokenOf(t: TestServer, userId: string): Promise<string> {
  const user = await t.orm.em.fork().findOneOrFail('User', { id: userId }) as unknown as User;
  return t.server.app.tokens.issue({ userId, tokenVersion: user.tokenVersion });
}

async function mustGql(t: TestServer, token: string, name: string, inputType: string, input: Record<string, unknown>, select: string): Promise<any> {
  const res = await t.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${select} userErrors { code field message } } }`, { input }, token);
  if (res.errors?.length) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
  const payload = (res.data as any)[name];
  if (payload.userErrors.length) throw new Error(`${name}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

/** Twelve APPROVED questions of TRADE (safety: single and multiple choice; process: true/false and fill-in) written by `authorUserId`, and one DRAFT. */
export async function seedBank(t: TestServer, authorUserId: string): Promise<void> {
  const author = await tokenOf(t, authorUserId);
  const reviewer = (await t.user([Role.REVIEWER])).token;
  const make = async (topic: string, type: QuestionType, n: number, approve = true, stem = `${topic}题${n}`) => {
    const choice = type === QuestionType.SINGLE_CHOICE || type === QuestionType.MULTIPLE_CHOICE;
    const answer = type === QuestionType.SINGLE_CHOICE ? ['B'] : type === QuestionType.MULTIPLE_CHOICE ? ['A', 'C'] : type === QuestionType.TRUE_FALSE ? ['TRUE'] : [SECRET_FILL_IN];
    const { question } = await mustGql(t, author, 'createQuestion', 'CreateQuestionInput', {
      trade: TRADE, type, topic, difficulty: QuestionDifficulty.MEDIUM, stem, answer,
      options: choice ? ['A', 'B', 'C', 'D'].map((key) => `选项${key}${n}`) : [],
      explanation: approve ? SECRET_EXPLANATION : null,
    }, 'question { id }');
    if (approve) await mustGql(t, reviewer, 'approveQuestion', 'QuestionIdInput', { questionId: question.id }, 'question { id }');
  };
  for (let n = 0; n < 3; n++) {
    await make('安全', QuestionType.SINGLE_CHOICE, n);
    await make('安全', QuestionType.MULTIPLE_CHOICE, n);
    await make('工艺', QuestionType.TRUE_FALSE, n);
    await make('工艺', QuestionType.FILL_IN, n);
  }
  // Not in any paper: a draft.
  await make('安全', QuestionType.TRUE_FALSE, 9, false, '草稿题');
}

export interface DrillOptions {
  organizerUserId: string;
  opensAt?: Date;
  closesAt?: Date;
  timeLimitMinutes?: number;
  attemptsAllowed?: number;
  resultRelease?: DrillResultRelease;
  eligibleEnterpriseIds?: string[];
  eligibleDistricts?: readonly string[];
  eligibleOwnerships?: readonly string[];
  /** PUBLISHED (the default), DRAFT or CANCELLED. */
  status?: DrillStatus;
}

const SECTIONS = [{ topic: '安全', count: 2 }, { topic: '工艺', count: 2 }];
const POINTS = { SINGLE_CHOICE: 2, MULTIPLE_CHOICE: 3, TRUE_FALSE: 1, FILL_IN: 4 };

/** A published drill, open now for an hour unless told otherwise: 2 safety and 2 process questions per paper. Returns its global ID. */
export async function createDrill(t: TestServer, o: DrillOptions): Promise<{ id: string; uuid: string }> {
  const opensAt = o.opensAt ?? new Date(Date.now() - 60_000);
  const closesAt = o.closesAt ?? new Date(Date.now() + 3600_000);
  if (closesAt <= new Date()) return closedDrill(t, o, opensAt, closesAt);
  const token = await tokenOf(t, o.organizerUserId);
  const { drill } = await mustGql(t, token, 'createDrill', 'CreateDrillInput', {
    title: '电焊安全网上练兵', trades: [TRADE], opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(),
    timeLimitMinutes: o.timeLimitMinutes ?? 30, attemptsAllowed: o.attemptsAllowed ?? 1,
    resultRelease: o.resultRelease ?? DrillResultRelease.IMMEDIATELY, passMark: 6,
    eligibility: { enterpriseIds: o.eligibleEnterpriseIds ?? [], districts: o.eligibleDistricts ?? [], ownerships: o.eligibleOwnerships ?? [] },
    paperRule: { sections: SECTIONS, pointsByType: Object.entries(POINTS).map(([type, points]) => ({ type, points })) },
  }, 'drill { id }');
  const status = o.status ?? DrillStatus.PUBLISHED;
  if (status !== DrillStatus.DRAFT) await mustGql(t, token, 'publishDrill', 'DrillIdInput', { drillId: drill.id }, 'drill { id }');
  if (status === DrillStatus.CANCELLED) await mustGql(t, token, 'cancelDrill', 'DrillIdInput', { drillId: drill.id }, 'drill { id }');
  return { id: drill.id, uuid: idOf(drill.id, 'Drill')! };
}

/** A drill whose window is over, as it is left once it closed: written directly (see the note above). */
async function closedDrill(t: TestServer, o: DrillOptions, opensAt: Date, closesAt: Date): Promise<{ id: string; uuid: string }> {
  const em = t.orm.em.fork();
  const drill = em.create(Drill, {
    title: '电焊安全网上练兵', trades: [TRADE],
    eligibleEnterpriseIds: (o.eligibleEnterpriseIds ?? []).map((id) => idOf(id, 'Enterprise')!),
    eligibleDistricts: o.eligibleDistricts ?? [], eligibleOwnerships: o.eligibleOwnerships ?? [],
    opensAt, closesAt, timeLimitMinutes: o.timeLimitMinutes ?? 30, attemptsAllowed: o.attemptsAllowed ?? 1,
    resultRelease: o.resultRelease ?? DrillResultRelease.IMMEDIATELY,
    paperRule: { sections: SECTIONS.map((x) => ({ ...x, difficulty: null, type: null })), pointsByType: POINTS },
    passMark: 6, status: o.status ?? DrillStatus.PUBLISHED,
    organizer: em.getReference('User', o.organizerUserId),
  } as never);
  await em.flush();
  return { id: toGlobalId('Drill', drill.id), uuid: drill.id };
}

// Operations of the taking tests.
export const ISSUE = `mutation($input: IssueDrillPassesInput!) { issueDrillPasses(input: $input) {
  passes { code worker { id employeeNumber } } csv alreadyHeld notEligible userErrors { code field message } } }`;
export const REISSUE = `mutation($input: ReissueDrillPassInput!) { reissueDrillPass(input: $input) { pass { code worker { id } } userErrors { code field message } } }`;
export const ENTER = `mutation($input: EnterDrillInput!) { enterDrill(input: $input) { token expiresAt deviceId drill { id title } userErrors { code field message } } }`;
const ATTEMPT_FIELDS = `id number status startedAt deadline submittedAt submittedBy resultReleased score maxScore
  breakdown { topic score maxScore correct questions } voidReason drill { id }
  questions { position questionId type stem options { key text } points answer review { correct answerKey explanation } }`;
export const START = `mutation($input: StartAttemptInput!) { startAttempt(input: $input) { attempt { ${ATTEMPT_FIELDS} } userErrors { code field message } } }`;
export const SAVE = `mutation($input: SaveAnswerInput!) { saveAnswer(input: $input) { saved seq userErrors { code field message } } }`;
export const SUBMIT = `mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { attempt { ${ATTEMPT_FIELDS} } userErrors { code field message } } }`;
export const MINE = `{ myDrillAttempts { ${ATTEMPT_FIELDS} } }`;

/** The right answer to a seeded question, by its type (see seedBank). */
export function rightAnswer(q: { type: string }): string[] {
  return q.type === 'SINGLE_CHOICE' ? ['B'] : q.type === 'MULTIPLE_CHOICE' ? ['C', 'A'] : q.type === 'TRUE_FALSE' ? ['TRUE'] : [` ${SECRET_FILL_IN} `];
}
