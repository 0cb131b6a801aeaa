import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';

/**
 * Watches a server process a harness started (the bench, the reliability suite): samples its resident
 * memory every second and, when it exits without having been asked to, records and prints the exit
 * code, the signal and the last sampled RSS. The process logs every exit it can log itself
 * (src/process-exit.ts); a SIGKILL, e.g. from the kernel's OOM killer, it cannot, and this record is
 * then the only trace.
 */
export interface UnexpectedExit {
  name: string;
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  lastRssMb: number;
  maxRssMb: number;
  uptimeSeconds: number;
  at: string;
}

export interface ProcessWatch {
  /** RSS now, read from /proc (NaN once the process is gone). */
  rssMb(): number;
  /** The largest 1-second sample since the start or the last resetMax(). */
  maxRssMb(): number;
  resetMax(): void;
  /** The harness is about to end the process: its exit is expected. */
  stopping(): void;
  unexpectedExit(): UnexpectedExit | null;
}

const recorded: UnexpectedExit[] = [];

/** Every unexpected exit seen by any watch in this harness process, in order. */
export function unexpectedExits(): readonly UnexpectedExit[] {
  return recorded;
}

export function describeExit(e: UnexpectedExit): string {
  return `server ${e.name} (pid ${e.pid}) exited by itself after ${e.uptimeSeconds} s: code ${e.code}, signal ${e.signal}, last RSS ${e.lastRssMb.toFixed(1)} MB (max ${e.maxRssMb.toFixed(1)} MB)${e.signal === 'SIGKILL' ? ' — a SIGKILL nobody here sent: the kernel OOM killer is the usual sender' : ''}`;
}

export function readRssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

export function watchProcess(child: ChildProcess, name: string, sampleMs = 1000): ProcessWatch {
  const started = Date.now();
  let last = readRssMb(child.pid!);
  let max = Number.isFinite(last) ? last : 0;
  let expected = false;
  let unexpected: UnexpectedExit | null = null;
  const sample = () => {
    const rss = readRssMb(child.pid!);
    if (Number.isFinite(rss)) {
      last = rss;
      if (rss > max) max = rss;
    }
  };
  const timer = setInterval(sample, sampleMs);
  timer.unref();
  child.once('exit', (code, signal) => {
    clearInterval(timer);
    if (expected) return;
    unexpected = { name, pid: child.pid!, code, signal, lastRssMb: last, maxRssMb: max, uptimeSeconds: Math.round((Date.now() - started) / 1000), at: new Date().toISOString() };
    recorded.push(unexpected);
    console.error(`\n!! ${describeExit(unexpected)}`);
  });
  return {
    rssMb: () => {
      sample();
      return readRssMb(child.pid!);
    },
    maxRssMb: () => {
      sample();
      return max;
    },
    resetMax: () => {
      last = readRssMb(child.pid!);
      max = Number.isFinite(last) ? last : 0;
    },
    stopping: () => {
      expected = true;
    },
    unexpectedExit: () => unexpected,
  };
}
