import { ENUM_LABELS } from '../../common/enum-label-catalog.js';
import { parseCsv, toCsv, unguard } from '../../common/csv.js';
import { UserErrorCode, type UserErrorInit } from '../../common/errors.js';
import { currentLocale } from '../../common/i18n.js';
import { SKILL_LEVEL_ORDER, SkillLevel } from '../../registry/enums.js';
import { QuestionDifficulty, QuestionType } from '../enums.js';
import { FALSE_KEY, TRUE_KEY } from './answers.js';
import { m } from './messages.js';
import { checkQuestion, OPTION_KEYS, type CleanQuestion, type QuestionField } from './question-fields.js';

/**
 * The question bank's CSV template (docs/question-bank.md): Chinese headers as a union's bank keeps
 * them, in any order; a file of one trade (the trade is given with the import). The same template is
 * written by the export, so an exported file imports again unchanged.
 */
export const COL = {
  type: '题型', stem: '题干', answer: '答案', explanation: '解析', topic: '知识点', difficulty: '难度', level: '技能等级',
} as const;
const OPTION_COLUMNS = OPTION_KEYS.map((k) => `选项${k}`);
export const TEMPLATE_COLUMNS: readonly string[] = [COL.type, COL.stem, ...OPTION_COLUMNS, COL.answer, COL.explanation, COL.topic, COL.difficulty, COL.level];
const REQUIRED_COLUMNS: readonly string[] = [COL.type, COL.stem, COL.answer, COL.topic, COL.difficulty];
export const MAX_IMPORT_QUESTIONS = 2000;

const TYPE_WORDS: Record<string, QuestionType> = {
  单选: QuestionType.SINGLE_CHOICE, 单选题: QuestionType.SINGLE_CHOICE, 单项选择题: QuestionType.SINGLE_CHOICE,
  多选: QuestionType.MULTIPLE_CHOICE, 多选题: QuestionType.MULTIPLE_CHOICE, 多项选择题: QuestionType.MULTIPLE_CHOICE,
  判断: QuestionType.TRUE_FALSE, 判断题: QuestionType.TRUE_FALSE,
  填空: QuestionType.FILL_IN, 填空题: QuestionType.FILL_IN,
  ...Object.fromEntries(Object.values(QuestionType).map((t) => [t, t])),
};
const DIFFICULTY_WORDS: Record<string, QuestionDifficulty> = {
  易: QuestionDifficulty.EASY, 容易: QuestionDifficulty.EASY, 简单: QuestionDifficulty.EASY,
  中: QuestionDifficulty.MEDIUM, 中等: QuestionDifficulty.MEDIUM, 一般: QuestionDifficulty.MEDIUM,
  难: QuestionDifficulty.HARD, 较难: QuestionDifficulty.HARD, 困难: QuestionDifficulty.HARD,
  ...Object.fromEntries(Object.values(QuestionDifficulty).map((d) => [d, d])),
};
const LEVEL_GRADES = ['五级', '四级', '三级', '二级', '一级'];
const LEVEL_WORDS: Record<string, SkillLevel> = Object.fromEntries(
  SKILL_LEVEL_ORDER.flatMap((l, i) => [[l, l], [ENUM_LABELS.SkillLevel![l]![0], l], [LEVEL_GRADES[i]!, l]]),
);
const TRUE_WORDS = new Set(['对', '正确', '是', '√', '✓', 'T', 'Y', TRUE_KEY]);
const FALSE_WORDS = new Set(['错', '错误', '否', '×', '✗', 'X', 'F', 'N', FALSE_KEY]);
/** Accepted fill-in answers are separated by a vertical bar, half- or full-width. */
const ACCEPTED_SEPARATOR = /[|｜]/;

const zh = (enumName: string, value: string) => ENUM_LABELS[enumName]![value]![0];

/** The CSV cell of an answer key. */
function answerCell(type: QuestionType, key: readonly string[]): string {
  if (type === QuestionType.TRUE_FALSE) return key[0] === TRUE_KEY ? '对' : '错';
  if (type === QuestionType.FILL_IN) return key.join('|');
  return key.join('');
}

function answerOf(type: QuestionType, cell: string): string[] {
  const v = cell.trim();
  if (type === QuestionType.FILL_IN) return v.split(ACCEPTED_SEPARATOR).map((a) => a.trim());
  if (type === QuestionType.TRUE_FALSE) {
    const w = v.toUpperCase();
    return [TRUE_WORDS.has(w) ? TRUE_KEY : FALSE_WORDS.has(w) ? FALSE_KEY : v];
  }
  return [...v.replace(/[\s,，、;；]/g, '')].map((c) => c.normalize('NFKC').toUpperCase());
}

export interface ExportedQuestion {
  type: QuestionType;
  stem: string;
  options: { key: string; text: string }[];
  answerKey: string[];
  explanation: string | null;
  topic: string;
  difficulty: QuestionDifficulty;
  skillLevel: SkillLevel | null;
}

/** Questions → the template's CSV (UTF-8 with a byte order mark, CRLF). */
export function questionsToCsv(questions: readonly ExportedQuestion[]): string {
  return toCsv([
    TEMPLATE_COLUMNS,
    ...questions.map((q) => [
      zh('QuestionType', q.type), q.stem, ...OPTION_KEYS.map((k) => q.options.find((o) => o.key === k)?.text ?? ''),
      answerCell(q.type, q.answerKey), q.explanation ?? '', q.topic, zh('QuestionDifficulty', q.difficulty), q.skillLevel ? zh('SkillLevel', q.skillLevel) : '',
    ]),
  ]);
}

const problem = (row: number, column: string | null, message: string): UserErrorInit => ({
  code: UserErrorCode.INVALID_INPUT, message, field: column ? ['input', 'csv', String(row), column] : ['input', 'csv'],
});

/**
 * The template's CSV → checked questions of `trade`, or every problem: one per bad row, naming the row
 * as a spreadsheet does (the header is row 1) and, in `field`, the row and its first bad column.
 */
export function questionsFromCsv(csv: string, trade: string): { questions: CleanQuestion[] } | { problems: UserErrorInit[] } {
  const records = parseCsv(csv);
  if (!records) return { problems: [problem(0, null, m('csvUnclosedQuote'))] };
  const header = records[0]?.fields.map((h) => h.trim()) ?? [];
  const headerProblems: UserErrorInit[] = [];
  header.forEach((h, i) => {
    if (h === '' && i === header.length - 1) return; // a trailing comma
    if (!TEMPLATE_COLUMNS.includes(h)) headerProblems.push(problem(1, h, m('csvUnknownColumn', { column: h })));
    else if (header.indexOf(h) < i) headerProblems.push(problem(1, h, m('csvColumnTwice', { column: h })));
  });
  for (const c of REQUIRED_COLUMNS) if (!header.includes(c)) headerProblems.push(problem(1, c, m('csvMissingColumn', { column: c })));
  if (headerProblems.length) return { problems: headerProblems };

  const rows = records.slice(1).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (!rows.length) return { problems: [problem(0, null, m('csvEmpty'))] };
  if (rows.length > MAX_IMPORT_QUESTIONS) return { problems: [problem(0, null, m('csvTooBig', { max: MAX_IMPORT_QUESTIONS }))] };

  const sep = currentLocale() === 'en' ? '; ' : '；';
  const questions: CleanQuestion[] = [];
  const problems: UserErrorInit[] = [];
  for (const { row, fields } of rows) {
    const cell = (column: string) => {
      const i = header.indexOf(column);
      return i < 0 ? '' : unguard(fields[i] ?? '');
    };
    const cells: { column: string; message: string }[] = [];
    const bad = (column: string, message: string) => cells.push({ column, message });
    const extra = fields.length - header.length;
    if (extra > 0 && fields.slice(header.length).some((f) => f.trim() !== '')) bad(header[header.length - 1]!, m('csvTooManyFields', { n: extra }));
    const type = TYPE_WORDS[cell(COL.type).trim().toUpperCase()] ?? TYPE_WORDS[cell(COL.type).trim()];
    if (!type) bad(COL.type, m('csvUnknownType', { words: '单选、多选、判断、填空 (SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, FILL_IN)' }));
    const difficulty = DIFFICULTY_WORDS[cell(COL.difficulty).trim().toUpperCase()] ?? DIFFICULTY_WORDS[cell(COL.difficulty).trim()];
    if (!difficulty) bad(COL.difficulty, m('csvUnknownDifficulty', { words: '易、中、难 (EASY, MEDIUM, HARD)' }));
    const levelCell = cell(COL.level).trim();
    const skillLevel = levelCell ? LEVEL_WORDS[levelCell.toUpperCase()] ?? LEVEL_WORDS[levelCell] ?? null : null;
    if (levelCell && !skillLevel) bad(COL.level, m('csvUnknownLevel', { words: '初级工、中级工、高级工、技师、高级技师' }));
    if (type && difficulty) {
      const columnOf: Record<QuestionField, string> = { trade: COL.type, stem: COL.stem, options: OPTION_COLUMNS[0]!, answer: COL.answer, topic: COL.topic, explanation: COL.explanation };
      const clean = checkQuestion(
        {
          trade, skillLevel, type, difficulty, stem: cell(COL.stem), options: OPTION_COLUMNS.map((c) => cell(c)),
          answer: answerOf(type, cell(COL.answer)), topic: cell(COL.topic), explanation: cell(COL.explanation) || null,
        },
        (field, message) => bad(columnOf[field], message),
        { stem: COL.stem, topic: COL.topic, explanation: COL.explanation, answer: COL.answer, options: OPTION_COLUMNS[0] },
      );
      if (clean && !cells.length) questions.push(clean);
    }
    if (cells.length) {
      const listed = cells.map((c) => (c.message.includes(c.column) ? c.message : m('csvCell', { column: c.column, problem: c.message })));
      problems.push(problem(row, cells[0]!.column, m('csvRow', { row, problems: listed.join(sep) })));
    }
  }
  return problems.length ? { problems } : { questions };
}
