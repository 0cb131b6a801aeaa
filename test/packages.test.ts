/**
 * The package manifest stays honest (issue 11, items 16 and 17): every dependency is used, every
 * install script in the lockfile has been reviewed in `allowScripts` (so `npm ci` neither warns nor runs
 * something nobody looked at), and no locked package refuses a Node version that `engines` promises
 * (npm's EBADENGINE warning).
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { SERVER_NODE_FLAGS } from '../bench/lib/node-flags';

const ROOT = path.resolve(__dirname, '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

interface LockEntry { version?: string; hasInstallScript?: boolean; engines?: { node?: unknown } | string[] }
const manifest = readJson('package.json') as {
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
const lock = readJson('package-lock.json') as { packages: Record<string, LockEntry> };
const locked = Object.entries(lock.packages)
  .filter(([key]) => key !== '')
  .map(([key, entry]) => ({ name: key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length), entry }));

function filesUnder(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ts|js|mjs|cjs)$/.test(d.name))
    .map((d) => path.join(d.parentPath, d.name));
}

/**
 * Package names a set of files imports or requires ('node:' builtins and relative paths left out), or
 * passes as a call's only argument (src/ide resolves its browser builds with `pkg('react')`).
 */
function importedPackages(files: string[]): Set<string> {
  const names = new Set<string>();
  const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire(?:\.resolve)?\s*\(\s*|\bcreateRequire\([^)]*\)\(\s*|^\s*import\s+|\w\(\s*(?=['"][^'"]+['"]\s*\)))['"]([^'"]+)['"]/gm;
  for (const file of files) {
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(specifier)) {
      if (spec.startsWith('.') || spec.startsWith('node:')) continue;
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return names;
}

describe('package.json', () => {
  it('starts the server with the V8 flags the bench measures it with', () => {
    expect(manifest.scripts.start).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} dist/src/main.js`);
  });

  it('lists only dependencies the server imports at run time', () => {
    const used = importedPackages([...filesUnder('src'), ...filesUnder('migrations')]);
    expect(Object.keys(manifest.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });

  it('lists only devDependencies the tests, benches or scripts use', () => {
    const used = importedPackages([...filesUnder('src'), ...filesUnder('test'), ...filesUnder('bench'), ...filesUnder('migrations')]);
    // Jest's config names its transform and setup files as plain strings.
    for (const config of ['jest.config.js', 'jest.reliability.config.js']) {
      for (const [, literal] of fs.readFileSync(path.join(ROOT, config), 'utf8').matchAll(/['"]([^'"]+)['"]/g)) used.add(literal);
    }
    const scripts = Object.values(manifest.scripts).join(' ');
    const bins: Record<string, string> = { typescript: 'tsc', jest: 'jest' };
    const isUsed = (name: string): boolean => {
      if (used.has(name)) return true;
      if (bins[name]) return new RegExp(`\\b${bins[name]}\\b`).test(scripts);
      if (name.startsWith('@types/')) {
        const typed = name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2');
        return typed === 'node' || typed === 'jest' || isUsed(typed) || typed in manifest.dependencies;
      }
      return false;
    };
    expect(Object.keys(manifest.devDependencies).filter((name) => !isUsed(name))).toEqual([]);
  });

  it('reviews every install script in the lockfile in allowScripts, and allows or denies nothing else', () => {
    const reviewed = (name: string) => Object.keys(manifest.allowScripts).some((key) => key === name || key.startsWith(`${name}@`));
    const withScripts = locked.filter(({ entry }) => entry.hasInstallScript).map(({ name }) => name);
    expect(withScripts.filter((name) => !reviewed(name))).toEqual([]);
    const keyName = (key: string) => key.slice(0, key.indexOf('@', 1) > 0 ? key.indexOf('@', 1) : undefined);
    expect(Object.keys(manifest.allowScripts).filter((key) => !withScripts.includes(keyName(key)))).toEqual([]);
  });

  it('locks no package that refuses a Node version engines.node promises', () => {
    const promised = manifest.engines.node;
    expect(semver.validRange(promised)).not.toBeNull();
    const refusing = locked
      .filter(({ entry }) => !Array.isArray(entry.engines) && typeof entry.engines?.node === 'string' && semver.validRange(entry.engines.node))
      .filter(({ entry }) => !semver.subset(promised, (entry.engines as { node: string }).node))
      .map(({ name, entry }) => `${name}@${entry.version} wants node ${(entry.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
