/**
 * CSV both ways (RFC 4180), the one place that reads or writes it: results downloads and the question
 * bank's import and export use these.
 */

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A text
 * starting with =, +, -, @ (or a tab or carriage return) gets a leading apostrophe first, so a
 * spreadsheet shows it instead of evaluating it as a formula (CSV injection); parseCsv's
 * `unguard` takes it off again.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value == null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of fields → CSV text with CRLF line ends, starting with a UTF-8 byte order mark so spreadsheets read Chinese. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The formula guard csvField adds, taken off a field read back. */
export function unguard(field: string): string {
  return /^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
}

export interface CsvRecord {
  /** The record's row as a spreadsheet numbers it: the first record (the header) is row 1. */
  row: number;
  fields: string[];
}

/**
 * CSV text → records. A leading byte order mark is dropped; line ends may be CRLF, LF or CR; quoted
 * fields may hold commas, doubled quotes and line breaks (a record spanning lines is one row, as in a
 * spreadsheet). Returns null when a quote is never closed.
 */
export function parseCsv(text: string): CsvRecord[] | null {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ row: records.length + 1, fields });
    fields = [];
    field = '';
  };
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && s[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (quoted) return null;
  if (field !== '' || fields.length) endRecord();
  return records;
}
