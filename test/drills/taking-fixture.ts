import { Question } from '../../src/drills/bank/question.entity';
import { Drill } from '../../src/drills/setup/drill.entity';
import { DrillResultRelease, DrillStatus, QuestionDifficulty, QuestionStatus, QuestionType } from '../../src/drills/enums';
import type { User } from '../../src/auth/user.entity';
import { idOf, toGlobalId } from '../../src/common/relay';
import type { TestServer } from '../helpers/server';

/*
 * Drills and their bank for the taking tests. Written through the ORM because the bank and setup
 * mutations (branch i16bank) have not landed yet; move to them when they do.
 */
export const TRADE = '焊工';
/** A fill-in answer no paper, stem or option carries: a response containing it leaked a key. */
export const SECRET_FILL_IN = '秘密答案XQ7';
export const SECRET_EXPLANATION = '解析内容ZK9';

export async function seedBank(t: TestServer, authorUserId: string): Promise<void> {
  const em = t.orm.em.fork();
  const author = em.getReference('User', authorUserId) as unknown as User;
  const make = (topic: string, type: QuestionType, n: number) => {
    const choice = type === QuestionType.SINGLE_CHOICE || type === QuestionType.MULTIPLE_CHOICE;
    em.create(Question, {
      trade: TRADE, type, topic, difficulty: QuestionDifficulty.MEDIUM, status: QuestionStatus.APPROVED,
      stem: `${topic}题${n}`,
      options: choice ? ['A', 'B', 'C', 'D'].map((key) => ({ key, text: `选项${key}${n}` })) : [],
      answerKey: type === QuestionType.SINGLE_CHOICE ? ['B'] : type === QuestionType.MULTIPLE_CHOICE ? ['A', 'C'] : type === QuestionType.TRUE_FALSE ? ['TRUE'] : [SECRET_FILL_IN],
      explanation: SECRET_EXPLANATION,
      createdBy: author,
    } as never);
  };
  for (let n = 0; n < 3; n++) {
    make('安全', QuestionType.SINGLE_CHOICE, n);
    make('安全', QuestionType.MULTIPLE_CHOICE, n);
    make('工艺', QuestionType.TRUE_FALSE, n);
    make('工艺', QuestionType.FILL_IN, n);
  }
  // Not in any paper: a draft, and another trade's question.
  em.create(Question, { trade: TRADE, type: QuestionType.TRUE_FALSE, topic: '安全', difficulty: QuestionDifficulty.MEDIUM, status: QuestionStatus.DRAFT, stem: '草稿题', options: [], answerKey: ['TRUE'], createdBy: author } as never);
  await em.flush();
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
  status?: DrillStatus;
}

/** A published drill, open now for an hour: 2 safety and 2 process questions per paper. Returns its global ID. */
export async function createDrill(t: TestServer, o: DrillOptions): Promise<{ id: string; uuid: string }> {
  const em = t.orm.em.fork();
  const drill = em.create(Drill, {
    title: '电焊安全网上练兵', trades: [TRADE],
    eligibleEnterpriseIds: (o.eligibleEnterpriseIds ?? []).map((id) => idOf(id, 'Enterprise')!),
    eligibleDistricts: o.eligibleDistricts ?? [], eligibleOwnerships: o.eligibleOwnerships ?? [],
    opensAt: o.opensAt ?? new Date(Date.now() - 60_000), closesAt: o.closesAt ?? new Date(Date.now() + 3600_000),
    timeLimitMinutes: o.timeLimitMinutes ?? 30, attemptsAllowed: o.attemptsAllowed ?? 1,
    resultRelease: o.resultRelease ?? DrillResultRelease.IMMEDIATELY,
    paperRule: {
      sections: [{ topic: '安全', difficulty: null, type: null, count: 2 }, { topic: '工艺', difficulty: null, type: null, count: 2 }],
      pointsByType: { SINGLE_CHOICE: 2, MULTIPLE_CHOICE: 3, TRUE_FALSE: 1, FILL_IN: 4 },
    },
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
