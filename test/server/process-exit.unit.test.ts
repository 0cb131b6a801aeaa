import { EventEmitter } from 'node:events';
import { logProcessExits, type ExitWatchedProcess } from '../../src/process-exit';

/** Every way the process ends leaves a line saying why (issue 14). */
function fakeProcess() {
  const lines: Record<string, any>[] = [];
  const exits: number[] = [];
  const proc = Object.assign(new EventEmitter(), {
    pid: 4242,
    exit: ((code?: number) => { exits.push(code ?? 0); }) as ExitWatchedProcess['exit'],
    memoryUsage: () => ({ rss: 300 * 1048576 }),
    uptime: () => 61,
  }) as unknown as ExitWatchedProcess;
  logProcessExits(proc, (l) => lines.push(JSON.parse(l)));
  return { proc, lines, exits };
}

it('an uncaught exception is logged with its stack, then the process exits with 1', () => {
  const { proc, lines, exits } = fakeProcess();
  proc.emit('uncaughtException', new RangeError('Invalid array length'));
  expect(exits).toEqual([1]);
  expect(lines[0]).toMatchObject({ level: 60, msg: 'uncaught exception: exiting', pid: 4242, rssMB: 300, err: { type: 'RangeError', message: 'Invalid array length' } });
  expect(lines[0]!.err.stack).toContain('RangeError');
});

it('an unhandled rejection, even of a non-error, is logged and ends the process', () => {
  const { proc, lines, exits } = fakeProcess();
  proc.emit('unhandledRejection', 'pool destroyed');
  expect(exits).toEqual([1]);
  expect(lines[0]).toMatchObject({ level: 60, msg: 'unhandled promise rejection: exiting', err: { message: 'pool destroyed' } });
});

it('every exit logs its code and the last memory, as an error when not 0', () => {
  const { proc, lines } = fakeProcess();
  proc.emit('exit', 0);
  proc.emit('exit', 137);
  expect(lines).toEqual([
    expect.objectContaining({ level: 30, msg: 'process exit', code: 0, rssMB: 300, uptimeSeconds: 61 }),
    expect.objectContaining({ level: 50, msg: 'process exit', code: 137 }),
  ]);
});
