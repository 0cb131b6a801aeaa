import fs from 'node:fs';
import path from 'node:path';
import { competitionResolvers } from '../../src/competitions/index';
import { projectRoot } from '../../src/db/paths';

/** Every .ts file under src/, with its path relative to src/. */
function sources(dir = path.join(projectRoot, 'src')): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return d.name.endsWith('.ts') ? [{ file: path.relative(path.join(projectRoot, 'src'), full), text: fs.readFileSync(full, 'utf8') }] : [];
  });
}

describe('src/competitions keeps its owners', () => {
  it('only leaderboard/board-version.ts raises the leaderboard version or sends NOTIFY (besides auth/user-state.ts, cache/http.ts and drills/results/live.ts, each the one owner of its own channel: user changes, the spectators’ cache, drill results)', () => {
    const writers = sources()
      .filter(({ text }) => /leaderboard_version\s*=|leaderboardVersion\s*(\+=|\+\+|=\s*[^=])|pg_notify/i.test(text))
      .map(({ file }) => file);
    expect(writers.sort()).toEqual([
      path.join('auth', 'user-state.ts'), path.join('cache', 'http.ts'), path.join('competitions', 'leaderboard', 'board-version.ts'), path.join('drills', 'results', 'live.ts'),
    ]);
  });

  it('registers every resolver class in index.ts, none through `extends`', () => {
    const declared = sources()
      .filter(({ file }) => file.startsWith(`competitions${path.sep}`))
      .flatMap(({ text }) => [...text.matchAll(/@Resolver\(.*\)\s*export class (\w+)(\s+extends)?/g)].map((m) => `${m[1]}${m[2] ? ' extends' : ''}`));
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.sort()).toEqual(competitionResolvers.map((r) => r.name).sort());
  });
});
