import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/db/paths';

/**
 * The house rules on the code's shape (ARCHITECTURE.md, "Standards"): no import cycles in src/ (a cycle
 * makes module load order matter, and type-graphql decorators then see undefined classes), and no
 * hand-written file over ~400 lines. Type-only imports are erased at compile time and do not count.
 */
function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'generated' || d.name === 'node_modules' ? [] : tsFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

function runtimeImports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) {
    let target = path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts'));
    if (!target.endsWith('.ts')) target += '.ts';
    if (fs.existsSync(target)) out.push(target);
  }
  return out;
}

it('src/ has no import cycles', () => {
  const src = path.join(projectRoot, 'src');
  const graph = new Map(tsFiles(src).map((f) => [f, runtimeImports(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, stack: string[]) => {
    state.set(file, 'open');
    stack.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (state.get(dep) === 'open') cycles.push([...stack.slice(stack.indexOf(dep)), dep].map((f) => path.relative(src, f)).join(' → '));
      else if (!state.has(dep)) visit(dep, stack);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file, []);
  expect(cycles).toEqual([]);
});

/** The browser scripts served as they are (src/scoreboard/assets): hand-written too. */
function assetScripts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return assetScripts(p);
    return p.endsWith('.js') && p.includes(`${path.sep}assets${path.sep}`) ? [p] : [];
  });
}

it('no hand-written source or test file is over 400 lines', () => {
  const long = ['src', 'test', 'bench']
    .flatMap((d) => tsFiles(path.join(projectRoot, d)))
    .concat(assetScripts(path.join(projectRoot, 'src')))
    .map((f) => ({ file: path.relative(projectRoot, f), lines: fs.readFileSync(f, 'utf8').split('\n').length }))
    .filter((f) => f.lines > 420)
    .map((f) => `${f.file}: ${f.lines}`);
  expect(long).toEqual([]);
});
