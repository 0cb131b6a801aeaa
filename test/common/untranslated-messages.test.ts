import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/db/paths';

/**
 * No message of ours is written in one language only (issue 13): a userError, an input problem or a
 * GraphQL error of ours takes its text from a catalog (`defineMessages`, see src/common/i18n.ts),
 * never from a string literal. This reads the sources for the ways a literal would slip in.
 */
const LITERAL_MESSAGE = [
  /domainError\(\s*UserErrorCode\.\w+\s*,\s*[`'"]/,
  // the field is a name, a string or an array path (whose commas are not the argument separator)
  /\.fail\(\s*(?:\[[^\]]*\]|'[^']*'|\w[\w.]*)\s*,\s*[`'"]/,
  /\bmessage:\s*[`'"]/,
  // A literal first argument, or a literal after a code (`new LimitError('THROTTLED', '…')`); the code alone is no message.
  /new (?:GraphQLError|LimitError)\(\s*(?:'[A-Z_]+'\s*,\s*[`'"]|[`'"](?![A-Z_]+'\s*,))/,
  /\b(?:badInput|forbidden|unauthenticated)\(\s*[`'"]/,
  /\bthrottled\(\s*[`'"]/,
  // A scalar's refusal of an input reaches the client; a serializer's "cannot represent" is our bug, masked as internal.
  /new TypeError\(\s*[`'"](?![^`'"]*cannot represent)/,
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') ? [p] : [];
  });
}

it('every message in src comes from a catalog in both languages', () => {
  const src = path.join(projectRoot, 'src');
  const found: string[] = [];
  for (const file of sources(src)) {
    if (file.includes(`${path.sep}scripts${path.sep}`)) continue; // command-line tools print for the operator
    fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (line.trim().startsWith('//') || line.trim().startsWith('*')) return;
      if (LITERAL_MESSAGE.some((re) => re.test(line))) found.push(`${path.relative(src, file)}:${i + 1}: ${line.trim().slice(0, 140)}`);
    });
  }
  expect(found).toEqual([]);
});
