import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { bankWorld, BOM, call, GOOD_CSV, HEADER, must, type BankWorld, type User } from './fixture';

/* The question bank (题库): writing, approving, retiring, who may, and CSV in and out. */
let t: TestServer;
let w: BankWorld;
let judge: User;
beforeAll(async () => {
  t = await startTestServer();
  w = await bankWorld(t);
  judge = await t.user([Role.JUDGE]);
}, 60_000);
afterAll(() => t.close());

const SELECT = 'question { id status revision version type options { key text } key { answer explanation } createdBy { id } approvedBy { id } }';
const single = (extra: Record<string, unknown> = {}) => ({
  trade: '电工', type: 'SINGLE_CHOICE', stem: '安全电压上限？', options: ['36V', '220V'], answer: ['a'], topic: '安全', difficulty: 'EASY', explanation: '见规程', ...extra,
});
const count = async (trade: string) => ok(await t.gql(`query($f: QuestionFilter) { questions(first: 1, filter: $f) { totalCount } }`, { f: { trade } }, w.admin.token)).questions.totalCount;

describe('writing questions', () => {
  it('creates a DRAFT with keys A, B … and the key upper-cased, readable by the bank’s keepers', async () => {
    const { question: q } = await must(t, w.organizer.token, 'createQuestion', 'CreateQuestionInput', single(), SELECT);
    expect(q).toMatchObject({ status: 'DRAFT', revision: 1, type: 'SINGLE_CHOICE', options: [{ key: 'A', text: '36V' }, { key: 'B', text: '220V' }], key: { answer: ['A'], explanation: '见规程' }, createdBy: { id: w.organizer.globalId }, approvedBy: null });
    const read = `query($id: ID!) { node(id: $id) { ... on Question { stem key { answer } } } }`;
    expect(ok(await t.gql(read, { id: q.id }, w.reviewer.token)).node).toEqual({ stem: '安全电压上限？', key: { answer: ['A'] } });
    // Anyone else sees no question at all, so no key either.
    expect(ok(await t.gql(read, { id: q.id }, judge.token)).node).toBeNull();
    expect(ok(await t.gql(read, { id: q.id })).node).toBeNull();
    expect(errorCode(await t.gql('{ questions(first: 1) { nodes { id key { answer } } } }', {}, judge.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql('{ questions(first: 1) { nodes { id } } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('{ questionsCsv }', {}, judge.token))).toBe('FORBIDDEN');
  });

  it('is refused to a JUDGE, a REVIEWER and anonymous callers', async () => {
    const m = `mutation($input: CreateQuestionInput!) { createQuestion(input: $input) { userErrors { code } } }`;
    expect(errorCode(await t.gql(m, { input: single() }))).toBe('UNAUTHENTICATED');
    for (const u of [judge, w.reviewer]) expect(errorCode(await t.gql(m, { input: single() }, u.token))).toBe('FORBIDDEN');
  });

  it('names every bad field and writes nothing', async () => {
    const before = await count('电工');
    const bad = await call(t, w.organizer.token, 'createQuestion', 'CreateQuestionInput', single({ stem: ' ', options: ['36V'], answer: ['C'], topic: '' }), 'question { id }');
    expect(bad.userErrors.map((e: any) => e.field.join('.'))).toEqual(['input.topic', 'input.stem', 'input.options', 'input.answer']);
    const tf = await call(t, w.organizer.token, 'createQuestion', 'CreateQuestionInput', single({ type: 'TRUE_FALSE', answer: ['TRUE'] }), 'question { id }');
    expect(tf.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'options'] })]);
    const multi = await call(t, w.organizer.token, 'createQuestion', 'CreateQuestionInput', single({ type: 'MULTIPLE_CHOICE', options: ['a', 'b', 'c'], answer: ['A'] }), 'question { id }');
    expect(multi.userErrors).toEqual([expect.objectContaining({ field: ['input', 'answer'] })]);
    expect(await count('电工')).toBe(before);
  });

  it('answers a retry with the same idempotency key with the first question', async () => {
    const input = single({ trade: '焊工', idempotencyKey: 'q-1' });
    const a = await must(t, w.organizer.token, 'createQuestion', 'CreateQuestionInput', input, 'question { id }');
    const b = await must(t, w.organizer.token, 'createQuestion', 'CreateQuestionInput', input, 'question { id }');
    expect(b.question.id).toBe(a.question.id);
    expect(await count('焊工')).toBe(1);
  });
});

describe('approving, correcting and retiring', () => {
  it('a REVIEWER approves a draft; an ORGANIZER may not; nobody approves their own', async () => {
    const { question } = await must(t, w.organizer.token, 'createQuestion', 'CreateQuestionInput', single(), 'question { id }');
    const approve = `mutation($input: QuestionIdInput!) { approveQuestion(input: $input) { userErrors { code } } }`;
    expect(errorCode(await t.gql(approve, { input: { questionId: question.id } }, w.organizer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(approve, { input: { questionId: question.id } }, judge.token))).toBe('FORBIDDEN');
    const both = await t.user([Role.ORGANIZER, Role.REVIEWER]);
    const own = await must(t, both.token, 'createQuestion', 'CreateQuestionInput', single(), 'question { id }');
    const refused = await call(t, both.token, 'approveQuestion', 'QuestionIdInput', { questionId: own.question.id }, 'question { status }');
    expect(refused).toMatchObject({ question: null, userErrors: [{ code: 'CONFLICT_OF_INTEREST' }] });
    const done = await must(t, w.reviewer.token, 'approveQuestion', 'QuestionIdInput', { questionId: question.id }, SELECT);
    expect(done.question).toMatchObject({ status: 'APPROVED', approvedBy: { id: w.reviewer.globalId } });
    const again = await call(t, w.reviewer.token, 'approveQuestion', 'QuestionIdInput', { questionId: question.id }, 'question { id }');
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('editing a draft keeps revision 1; correcting an approved key raises it; the type of an approved question stays; a stale version is refused', async () => {
    const { question } = await must(t, w.organizer.token, 'createQuestion', 'CreateQuestionInput', single(), SELECT);
    const edited = await must(t, w.organizer.token, 'updateQuestion', 'UpdateQuestionInput', { questionId: question.id, stem: '安全电压的上限？' }, SELECT);
    expect(edited.question.revision).toBe(1);
    await must(t, w.reviewer.token, 'approveQuestion', 'QuestionIdInput', { questionId: question.id }, 'question { id }');
    const topicOnly = await must(t, w.organizer.token, 'updateQuestion', 'UpdateQuestionInput', { questionId: question.id, topic: '用电安全' }, SELECT);
    expect(topicOnly.question).toMatchObject({ revision: 1, status: 'APPROVED' });
    const fixed = await must(t, w.organizer.token, 'updateQuestion', 'UpdateQuestionInput', { questionId: question.id, answer: ['B'], version: topicOnly.question.version }, SELECT);
    expect(fixed.question).toMatchObject({ revision: 2, status: 'APPROVED', key: { answer: ['B'] } });
    const stale = await call(t, w.organizer.token, 'updateQuestion', 'UpdateQuestionInput', { questionId: question.id, stem: 'x', version: topicOnly.question.version }, 'question { id }');
    expect(stale.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    const retype = await call(t, w.organizer.token, 'updateQuestion', 'UpdateQuestionInput', { questionId: question.id, type: 'TRUE_FALSE', options: [], answer: ['TRUE'] }, 'question { id }');
    expect(retype.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'type'] })]);
    const retired = await must(t, w.organizer.token, 'retireQuestion', 'QuestionIdInput', { questionId: question.id }, SELECT);
    expect(retired.question.status).toBe('RETIRED');
    const late = await call(t, w.organizer.token, 'updateQuestion', 'UpdateQuestionInput', { questionId: question.id, stem: '改' }, 'question { id }');
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(errorCode(await t.gql(`mutation($input: QuestionIdInput!) { retireQuestion(input: $input) { userErrors { code } } }`, { input: { questionId: question.id } }, w.reviewer.token))).toBe('FORBIDDEN');
  });
});

describe('CSV import and export', () => {
  it('imports every row of the template (BOM, quoted commas and line breaks) and exports the same file back', async () => {
    const imported = await must(t, w.organizer.token, 'importQuestions', 'ImportQuestionsInput', { trade: '维修电工', csv: BOM + GOOD_CSV }, 'importedCount');
    expect(imported.importedCount).toBe(4);
    const list = ok(await t.gql(`{ questions(first: 10, filter: { trade: "维修电工" }, orderBy: { field: CREATED_AT }) { nodes { type stem status skillLevel difficulty options { key } key { answer explanation } } } }`, {}, w.reviewer.token)).questions.nodes;
    expect(list.map((q: any) => q.type).sort()).toEqual(['FILL_IN', 'MULTIPLE_CHOICE', 'SINGLE_CHOICE', 'TRUE_FALSE']);
    expect(list.every((q: any) => q.status === 'DRAFT')).toBe(true);
    const multi = list.find((q: any) => q.type === 'MULTIPLE_CHOICE');
    expect(multi).toMatchObject({ stem: '以下哪些属于绝缘工具，请选出全部:\n（可多选）', key: { answer: ['A', 'B'] }, options: [{ key: 'A' }, { key: 'B' }, { key: 'C' }] });
    expect(list.find((q: any) => q.type === 'FILL_IN')).toMatchObject({ key: { answer: ['R', '电阻'] }, skillLevel: 'SENIOR', difficulty: 'HARD' });
    expect(list.find((q: any) => q.type === 'TRUE_FALSE').key.answer).toEqual(['TRUE']);

    const csv = ok(await t.gql(`{ questionsCsv(filter: { trade: "维修电工" }) }`, {}, w.organizer.token)).questionsCsv;
    expect(csv.startsWith(BOM + HEADER + '\r\n')).toBe(true);
    await must(t, w.organizer.token, 'importQuestions', 'ImportQuestionsInput', { trade: '维修电工二', csv }, 'importedCount');
    const again = ok(await t.gql(`{ questionsCsv(filter: { trade: "维修电工二" }) }`, {}, w.organizer.token)).questionsCsv;
    expect(again).toBe(csv);
  });

  it('refuses a file with bad rows, one userError per bad row named as a spreadsheet does, and imports nothing', async () => {
    const csv = [
      HEADER,
      '单选题,好题,甲,乙,,,,,A,,安全,易,',
      '单选题,"两行的\n题干",甲,乙,,,,,C,,安全,易,',
      '问答题,坏题型,,,,,,,x,,安全,易,',
      '判断题,缺难度,,,,,,,对,,安全,,',
      '填空题,好题,,,,,,,R,,电路,中,特级工',
    ].join('\n');
    const refused = await call(t, w.organizer.token, 'importQuestions', 'ImportQuestionsInput', { trade: '钳工', csv }, 'importedCount');
    expect(refused.importedCount).toBeNull();
    // The quoted two-line stem is one record: the bad answer is row 3, the bad type row 4 (header = row 1).
    expect(refused.userErrors.map((e: any) => e.field)).toEqual([
      ['input', 'csv', '3', '答案'], ['input', 'csv', '4', '题型'], ['input', 'csv', '5', '难度'], ['input', 'csv', '6', '技能等级'],
    ]);
    expect(refused.userErrors[0].message).toMatch(/^第 3 行：/);
    const en = ok(await t.gql(`mutation($input: ImportQuestionsInput!) { importQuestions(input: $input) { userErrors { message } } }`, { input: { trade: '钳工', csv } }, w.organizer.token, { locale: 'en' }));
    expect(en.importQuestions.userErrors[1].message).toMatch(/^Row 4: /);
    expect(await count('钳工')).toBe(0);
  });

  it('refuses a header without a required column or with an unknown one, and an unclosed quote', async () => {
    const noAnswer = await call(t, w.organizer.token, 'importQuestions', 'ImportQuestionsInput', { trade: '钳工', csv: '题型,题干,知识点,难度,备注\n判断题,x,安全,易,' }, 'importedCount');
    expect(noAnswer.userErrors.map((e: any) => e.field)).toEqual([['input', 'csv', '1', '备注'], ['input', 'csv', '1', '答案']]);
    const open = await call(t, w.organizer.token, 'importQuestions', 'ImportQuestionsInput', { trade: '钳工', csv: `${HEADER}\n判断题,"没有结束,,,,,,,对,,安全,易,` }, 'importedCount');
    expect(open.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'csv'] })]);
    expect(await count('钳工')).toBe(0);
    expect(errorCode(await t.gql(`mutation($input: ImportQuestionsInput!) { importQuestions(input: $input) { userErrors { code } } }`, { input: { trade: '钳工', csv: GOOD_CSV } }, judge.token))).toBe('FORBIDDEN');
  });
});
