import { spawn } from 'node:child_process';
import { describeExit, unexpectedExits, watchProcess } from '../../bench/lib/watch';

/**
 * The harnesses' watch on a server process (bench/lib/watch.ts, used by the bench and the reliability
 * suite): a process killed by a signal nobody in the harness sent (the kernel's OOM killer sends
 * SIGKILL, which the process cannot log) is recorded with its signal and last RSS; one the harness
 * stops is not.
 */
function sleeper() {
  return spawn(process.execPath, ['-e', 'const keep = Buffer.alloc(32 * 1024 * 1024, 1); setInterval(() => keep.length, 1000)'], { stdio: 'ignore' });
}
const exited = (child: ReturnType<typeof sleeper>) => new Promise((r) => child.once('exit', r));
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a SIGKILL from outside is recorded with the signal and the last RSS sample', async () => {
  const child = sleeper();
  const watch = watchProcess(child, 'victim', 50);
  // A busy machine takes a while to start node: wait until the 32 MB are resident, then a sample more.
  for (let i = 0; i < 200 && !(watch.rssMb() > 30); i++) await settle(50);
  await settle(150);
  const before = unexpectedExits().length;
  process.kill(child.pid!, 'SIGKILL');
  await exited(child);
  const e = watch.unexpectedExit();
  expect(e).toMatchObject({ name: 'victim', pid: child.pid, code: null, signal: 'SIGKILL' });
  expect(e!.lastRssMb).toBeGreaterThan(30); // the 32 MB it holds
  expect(e!.maxRssMb).toBeGreaterThanOrEqual(e!.lastRssMb);
  expect(unexpectedExits()).toHaveLength(before + 1);
  expect(describeExit(e!)).toMatch(/signal SIGKILL, last RSS \d+\.\d MB.*OOM killer/);
});

test('an exit with a code is recorded too', async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => process.exit(3), 300)'], { stdio: 'ignore' });
  const watch = watchProcess(child, 'quitter', 50);
  await exited(child);
  expect(watch.unexpectedExit()).toMatchObject({ code: 3, signal: null });
});

test('a process the harness stops is not an unexpected exit', async () => {
  const child = sleeper();
  const watch = watchProcess(child, 'stopped', 50);
  await settle(200);
  watch.stopping();
  child.kill('SIGTERM');
  await exited(child);
  expect(watch.unexpectedExit()).toBeNull();
});
