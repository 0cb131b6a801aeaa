import fs from 'node:fs';
import path from 'node:path';

/**
 * As root, PostgreSQL (embedded or the tests' own cluster) runs as the `postgres` system user, which
 * must be able to reach its binaries under node_modules and its data directory. A checkout in a
 * private directory (`mktemp -d` makes them 0700) would stop it there with EACCES. Grants search
 * permission only (o+x: pass through, not list) on each directory above `target` that lacks it.
 * Returns the directories changed. Does nothing when not root.
 */
export function letPostgresReach(target: string): string[] {
  if (process.getuid?.() !== 0) return [];
  const changed: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if (!(mode & 0o001)) {
      fs.chmodSync(dir, (mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    if (path.dirname(dir) === dir) return changed;
  }
}
