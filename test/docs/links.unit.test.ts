import fs from 'node:fs';
import path from 'node:path';

/**
 * The README and docs/ must describe this repository as a clone has it: every relative link
 * (`[text](path)`, `![alt](path)`) and every repository path written as code (`src/…`, `test/…`)
 * must exist, and nothing may point outside the repository (`../shared/…` exists only on the
 * machine the project was started on). Paths that are made by running something and ignored by git
 * (test/artifacts/, .data/) may be named without existing.
 */
const ROOT = path.join(__dirname, '..', '..');
const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
// Top-level folders whose paths, written as code, are claims about the repository.
const REPO_DIRS = fs.readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory() && !['node_modules', 'dist', '.git'].includes(d.name)).map((d) => d.name);
const IGNORED = fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n').map((l) => l.trim().replace(/^\//, '')).filter((l) => l && !l.startsWith('#'));

interface Reference { doc: string; line: number; target: string; kind: 'link' | 'code' }

/** Relative links and code-span repository paths in one Markdown file (fenced blocks: paths only). */
function references(doc: string, text: string): Reference[] {
  const refs: Reference[] = [];
  const lines = text.split('\n');
  let fenced = false;
  lines.forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      return;
    }
    const line = i + 1;
    if (!fenced) {
      for (const m of raw.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        const target = m[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue; // http:, mailto:, same-page anchors
        refs.push({ doc, line, target: decodeURI(target.split('#')[0]!), kind: 'link' });
      }
      for (const m of raw.matchAll(/`([^`\s]+)`/g)) {
        const target = m[1]!;
        if (target.startsWith('../') || REPO_DIRS.some((d) => target.startsWith(`${d}/`) || target === d)) {
          refs.push({ doc, line, target, kind: 'code' });
        }
      }
    } else if (/(^|\s)\.\.\/shared\b/.test(raw)) {
      refs.push({ doc, line, target: '../shared', kind: 'code' }); // diagrams may be loose, but not outside
    }
  });
  return refs;
}

function problem(ref: Reference): string | null {
  const base = ref.kind === 'link' ? path.dirname(path.join(ROOT, ref.doc)) : ROOT;
  // `src/x/*.ts`, `<id>` and the like name a pattern, not a file: check the folder before it.
  const plain = ref.target.split(/[*<{]/)[0]!;
  const resolved = path.resolve(base, plain);
  if (resolved !== ROOT && !resolved.startsWith(ROOT + path.sep)) return 'points outside the repository';
  const rel = path.relative(ROOT, resolved);
  if (IGNORED.some((g) => rel === g.replace(/\/$/, '') || rel.startsWith(g.endsWith('/') ? g : `${g}/`))) return null;
  return fs.existsSync(resolved) ? null : 'does not exist';
}

describe('README.md and docs/*.md', () => {
  const found = DOCS.flatMap((doc) => references(doc, fs.readFileSync(path.join(ROOT, doc), 'utf8')));

  it('find the links and paths they make (the check below checks something)', () => {
    expect(found.filter((r) => r.kind === 'link').length).toBeGreaterThan(0);
    expect(found.filter((r) => r.kind === 'code').length).toBeGreaterThan(10);
  });

  it('link and refer only to paths that exist in the repository', () => {
    const broken = found.map((r) => ({ r, why: problem(r) })).filter((x) => x.why).map(({ r, why }) => `${r.doc}:${r.line}: ${r.target} ${why}`);
    expect(broken).toEqual([]);
  });
});

describe('the reference finder', () => {
  it('finds relative links and images, skips URLs and anchors, and finds repository paths written as code', () => {
    const refs = references('README.md', [
      'See [the plan](../shared/ARCHITECTURE.md#layout), ![pic](docs/scoreboard.png) and [web](https://example.org) [here](#top).',
      'Code in `src/ide/routes.ts`, not `npm start` or `NODE_ENV`; the plan was `../shared/ARCHITECTURE.md`.',
      '```',
      'src/made/up.ts in a block is a diagram, but ../shared in a block is still outside',
      '```',
    ].join('\n'));
    expect(refs.map((r) => [r.kind, r.target])).toEqual([
      ['link', '../shared/ARCHITECTURE.md'], ['link', 'docs/scoreboard.png'],
      ['code', 'src/ide/routes.ts'], ['code', '../shared/ARCHITECTURE.md'],
      ['code', '../shared'],
    ]);
    expect(problem(refs[0]!)).toBe('points outside the repository');
    expect(problem(refs[1]!)).toBeNull();
    expect(problem(refs[4]!)).toBe('points outside the repository');
    expect(problem({ doc: 'README.md', line: 1, target: 'src/nope.ts', kind: 'code' })).toBe('does not exist');
    expect(problem({ doc: 'README.md', line: 1, target: 'test/artifacts/', kind: 'code' })).toBeNull();
  });
});
