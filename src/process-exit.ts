import type { EventEmitter } from 'node:events';

/**
 * Every exit of the server process says why (issue 14: under load a process twice exited without a
 * word). An uncaught exception or an unhandled rejection is logged with its stack and ends the process
 * with code 1 (continuing after one leaves the process in an unknown state); every exit logs its code
 * and the last resident memory. The lines are written synchronously to stderr, as pino's JSON, because
 * pino's own asynchronous writes do not survive process.exit. A SIGKILL (the kernel's OOM killer) cannot
 * be logged by the process itself: the bench and reliability harnesses record the signal and last RSS.
 */
export interface ExitWatchedProcess extends EventEmitter {
  exit(code?: number): never;
  memoryUsage(): { rss: number };
  uptime(): number;
  readonly pid: number;
}

type Write = (line: string) => void;

export function logProcessExits(proc: ExitWatchedProcess = process as unknown as ExitWatchedProcess, write: Write = (l) => process.stderr.write(l)): void {
  const line = (level: number, msg: string, extra: Record<string, unknown>) =>
    write(`${JSON.stringify({ level, time: Date.now(), pid: proc.pid, service: 'jiangxin', ...extra, msg })}\n`);
  const facts = () => ({ rssMB: Math.round(proc.memoryUsage().rss / 1048576), uptimeSeconds: Math.round(proc.uptime()) });
  const fatal = (kind: string) => (reason: unknown) => {
    const err = reason instanceof Error ? { type: reason.name, message: reason.message, stack: reason.stack } : { message: String(reason) };
    line(60, `${kind}: exiting`, { err, ...facts() });
    proc.exit(1);
  };
  proc.on('uncaughtException', fatal('uncaught exception'));
  proc.on('unhandledRejection', fatal('unhandled promise rejection'));
  proc.on('exit', (code: number) => line(code === 0 ? 30 : 50, 'process exit', { code, ...facts() }));
}
