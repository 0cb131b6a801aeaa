import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { benchDatabase, startServerProcess, type ServerProcess } from './lib/env.js';
import { seedDrill } from './lib/drill-seed.js';
import { eachLimited, paced, Phones, reasonsText, tally, type PacedRun } from './lib/phones.js';
import { StatementCounter } from './lib/pgstat.js';
import { cpuSeconds, fmt, summarize, table } from './lib/stats.js';
import { report } from './lib/summary.js';
import { enter, makeTakers, save, start, submit, type SaveCounts } from './lib/takers.js';

export interface DrillOptions {
  takers: number;
  /** Takers starting in the same second when the window opens. */
  burst: number;
  /** The steady saving rate (3,000 takers saving every 10 s on average) and how long it runs. */
  savesPerSecond: number;
  seconds: number;
  /** The ramp: +step saves/s every stepSeconds from `step` up, until a step's p99 passes limitMs (or errors). */
  step: number;
  stepSeconds: number;
  limitMs: number;
  maxRate: number;
  /** Takers who submit themselves before the ramp (the rest are swept at the deadline). */
  submitters: number;
  /** How far ahead of "now" the open attempts' deadline is set for the sweep. */
  sweepAheadSeconds: number;
  /** Keep-alive sockets the bench's phones share. */
  sockets: number;
  /** Server processes on the one database, each phone kept on one of them (a proxy's client-address affinity). */
  instances: number;
}

/** Phones entering at once before the window (a closed loop: entering is set-up, not a target figure). */
const ENTER_IN_FLIGHT = 50;

const line = (run: PacedRun) => {
  const t = tally(run.outcomes);
  const s = summarize(t.okMs);
  return { ...t, s, text: `p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)} ms; ${t.okMs.length} ok, ${t.failed} failed${t.failed ? ` (${reasonsText(t.reasons)})` : ''}` };
};

/** The bench process's own CPU (user + system) in seconds, to show it is not the bottleneck. */
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Issue 16's load: `takers` workers in one drill. They enter with their passes (enterDrill), `burst` of
 * them start in the same second when the window opens, the rest start after; all save an answer when
 * it changes (`savesPerSecond` in all) for `seconds`; some submit; the saving rate is then raised step by
 * step until a step's p99 passes `limitMs`; finally every open attempt's deadline is set a few seconds
 * ahead and the sweeper's time to submit them all is measured from the database.
 */
export async function drill(opts: DrillOptions): Promise<void> {
  const db = await benchDatabase();
  const servers: ServerProcess[] = [];
  for (let n = 0; n < opts.instances; n++) servers.push(await startServerProcess(db.url, { TRUST_PROXY_HOPS: '1' }, opts.instances > 1 ? `drill ${'AB'[n] ?? n}` : 'drill'));
  const server = servers[0]!;
  // The servers' CPU together (one process, or the instances a proxy spreads the phones over).
  const serversCpu = () => servers.reduce((sum, x) => sum + cpuSeconds(x.pid), 0);
  // With more than one instance every figure reported says so: the targets are one machine's, not one process's.
  const said = (text: string) => (opts.instances > 1 ? `${text}; ${opts.instances} server processes` : text);
  const counter = await StatementCounter.open(db.url);
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const phones = new Phones(servers.map((x) => x.url), opts.sockets);
  const rows: [string, string][] = [];
  // The table comes at the end; these say where a long run is.
  const progress = (what: string) => console.log(`  · drill ${new Date().toISOString().slice(11, 19)} ${what}`);
  try {
    const t0 = performance.now();
    const seeded = await seedDrill(server.url, db.url, opts.takers);
    const seedSeconds = (performance.now() - t0) / 1000;
    const takers = makeTakers(seeded.passes);
    const s = seeded.seedSeconds;
    rows.push(['data', `${seeded.questions} approved questions, a paper of ${seeded.paperSize}, ${takers.length} passes in 10 enterprises, ${seeded.drawn} papers drawn ahead; built in ${fmt(seedSeconds)} s (bank ${fmt(s.bank)}, workers ${fmt(s.workers)}, passes ${fmt(s.passes)}, drawDrillPapers ${fmt(s.predraw)})`]);

    progress('seeded; entering');
    // Entering: every phone exchanges its pass for a drill token (before the window opens, as the product allows).
    let k = 0;
    const enterStatements = counter ? await counter.perRun(async () => void await enter(phones, seeded.drillId, takers[k++]!), 5) : NaN;
    const entering = performance.now();
    const cpuE = serversCpu();
    const enterFailures = new Map<string, number>();
    const enterMs: number[] = [];
    await eachLimited(takers.slice(k), ENTER_IN_FLIGHT, async (t) => {
      const e0 = performance.now();
      const r = await enter(phones, seeded.drillId, t).catch((err: Error) => err.message.slice(0, 80));
      if (r !== 'ok') enterFailures.set(r, (enterFailures.get(r) ?? 0) + 1);
      else enterMs.push(performance.now() - e0);
    });
    const entered = takers.filter((t) => t.state === 'ENTERED');
    const e = summarize(enterMs);
    rows.push(['enterDrill, before the window opens', `${entered.length} tokens in ${fmt((performance.now() - entering) / 1000)} s at ${ENTER_IN_FLIGHT} in flight: p50 ${fmt(e.p50)}  p99 ${fmt(e.p99)} ms; `
      + `server CPU ${fmt((1000 * (serversCpu() - cpuE)) / (enterMs.length || 1))} ms and ${fmt(enterStatements)} SQL statements an entry${enterFailures.size ? `; failed: ${reasonsText(enterFailures)}` : ''}`]);

    // The phones' sockets stand open before the window, as a proxy's upstream pool would (see Phones.open).
    await phones.open(opts.sockets);
    // The window opens now (createDrill takes only a future one).
    await sql.query(`update "drill" set "opens_at" = clock_timestamp() where "id" = $1`, [seeded.drillUuid]);
    for (const x of servers) x.resetMaxRss();

    progress('the window opens; the burst');
    // 1. The burst: `burst` takers start within one second, open loop.
    const burst = entered.slice(0, opts.burst);
    const cpuB = serversCpu();
    const burstRun = await paced({ perSecond: burst.length, seconds: 1, count: burst.length }, (i) => start(phones, seeded.drillId, burst[i]!));
    const b = line(burstRun);
    rows.push([`startAttempt, ${burst.length} in the same second`, b.text]);
    rows.push(['  the burst took', `${fmt(burstRun.elapsed, 2)} s to the last answer; server CPU ${fmt((1000 * (serversCpu() - cpuB)) / burst.length)} ms per start`]);
    report('drillStart', said(`${fmt(b.s.p99, 0)} ms (p50 ${fmt(b.s.p50, 0)} ms; ${b.failed} failed)`));

    // The others start over the next seconds, at the burst's own rate; a few first, one by one, for the statement count.
    const rest = entered.slice(opts.burst);
    let r = 0;
    const startStatements = counter && rest.length >= 5 ? await counter.perRun(async () => void await start(phones, seeded.drillId, rest[r++]!), 5) : NaN;
    const restRun = await paced({ perSecond: opts.burst, seconds: (rest.length - r) / opts.burst + 1, count: rest.length - r }, (i) => start(phones, seeded.drillId, rest[r + i]!));
    rows.push([`startAttempt, the other ${rest.length} at ${opts.burst}/s`, `${line(restRun).text}; ${fmt(startStatements)} SQL statements a start (paper pre-drawn)`]);
    const started = takers.filter((t) => t.state === 'STARTED');

    progress('steady saves');
    // 2. Steady saves: every started taker saves about every 10 s.
    const counts: SaveCounts = { notSaved: 0 };
    if (!started.length) throw new Error('no taker started: nothing to save');
    const pick = () => {
      for (;;) {
        const t = started[Math.floor(Math.random() * started.length)]!;
        if (t.state === 'STARTED') return t;
      }
    };
    const saveStatements = counter ? await counter.perRun(() => save(phones, started[0]!, counts), 20) : NaN;
    await counter?.reset();
    const cpuS = serversCpu();
    const ownS = ownCpu();
    const steady = await paced({ perSecond: opts.savesPerSecond, seconds: opts.seconds }, () => save(phones, pick(), counts));
    const serverCpu = serversCpu() - cpuS;
    const benchCpu = ownCpu() - ownS;
    const st = line(steady);
    const top = counter ? await counter.top(4) : [];
    rows.push([`saveAnswer at ${opts.savesPerSecond}/s, ${started.length} takers, ${opts.seconds} s`, st.text]);
    rows.push(['  achieved', `${fmt(st.okMs.length / steady.elapsed)} saves/s answered (${fmt(steady.outcomes.length / steady.scheduled)}/s sent); ${counts.notSaved} answered saved: false (an older save of the same phone overtaken by a newer one)`]);
    rows.push(['  server CPU per save', `${fmt((1000 * serverCpu) / (st.okMs.length || 1), 2)} ms (${fmt((100 * serverCpu) / steady.elapsed, 0)} % of a core)`]);
    rows.push(['  SQL statements per save', `${fmt(saveStatements)} (one taker's saves one after another)`]);
    rows.push(['  bench process', `${fmt((100 * benchCpu) / steady.elapsed, 0)} % of a core; send lag p99 ${fmt(summarize(steady.sendLagMs).p99)} ms`]);
    for (const q of top) rows.push(['  PostgreSQL, most time', `${q.calls} calls, ${fmt(q.meanMs, 2)} ms mean: ${q.query}`]);
    report('drillSave', said(`${fmt(st.s.p99, 0)} ms (p50 ${fmt(st.s.p50, 0)} ms; ${fmt(st.okMs.length / steady.elapsed, 0)}/s achieved, ${st.failed} failed; ${fmt((1000 * serverCpu) / (st.okMs.length || 1), 2)} ms server CPU and ${fmt(saveStatements)} statements a save)`));

    progress('submissions');
    // 3. Some takers submit themselves.
    const submitters = started.slice(0, opts.submitters);
    const submitRun = await paced({ perSecond: Math.max(1, submitters.length / 5), seconds: 6, count: submitters.length }, (i) => submit(phones, submitters[i]!));
    rows.push([`submitAttempt, ${submitters.length} over 5 s`, line(submitRun).text]);

    progress('the ramp');
    // 4. The ramp: raise the saving rate from one step up until a step's p99 passes the limit or saves
    // fail (from the bottom, so a capacity below the steady rate is found too).
    const steps: { rate: number; p50: number; p99: number; failed: number; answered: number; lag: number }[] = [];
    let capacity = 0;
    const cpuR = serversCpu();
    const ownR = ownCpu();
    const rampStarted = performance.now();
    let rampSaves = 0;
    for (let rate = opts.step; rate <= opts.maxRate; rate += opts.step) {
      const run = await paced({ perSecond: rate, seconds: opts.stepSeconds }, () => save(phones, pick(), counts));
      const x = line(run);
      rampSaves += x.okMs.length;
      steps.push({ rate, p50: x.s.p50, p99: x.s.p99, failed: x.failed, answered: x.okMs.length / run.elapsed, lag: summarize(run.sendLagMs).p99 });
      if (x.failed || !(x.s.p99 <= opts.limitMs)) break;
      capacity = rate;
    }
    const rampSeconds = (performance.now() - rampStarted) / 1000;
    for (const x of steps) rows.push([`  ramp ${x.rate}/s`, `p50 ${fmt(x.p50)}  p99 ${fmt(x.p99)} ms; ${fmt(x.answered, 0)}/s answered; ${x.failed} failed; send lag p99 ${fmt(x.lag)} ms`]);
    const capacityText = capacity ? `${capacity}/s` : `below ${opts.step}/s`;
    rows.push(['save capacity', `${capacityText} at p99 ≤ ${opts.limitMs} ms (steps of +${opts.step}/s, ${opts.stepSeconds} s each, each drained before the next)`]);
    rows.push(['  during the ramp', `server ${fmt((1000 * (serversCpu() - cpuR)) / (rampSaves || 1), 2)} ms CPU per save, ${fmt((100 * (serversCpu() - cpuR)) / rampSeconds, 0)} % of a core; bench ${fmt((100 * (ownCpu() - ownR)) / rampSeconds, 0)} % of a core`]);
    const last = steps[steps.length - 1];
    report('drillCapacity', said(`${capacityText}${last && last.rate > capacity ? ` (the ${last.rate}/s step: p99 ${fmt(last.p99, 0)} ms, ${last.failed} failed)` : ''}`));

    progress('the deadline sweep');
    // 5. The deadline sweep: every open attempt's deadline a few seconds ahead, saves going on until it.
    await new Promise((res) => setTimeout(res, 1000));
    const set = await sql.query<{ n: number; deadline: Date }>(
      `with d as (update "drill_attempt" set "deadline" = now() + make_interval(secs => $2) where "drill_id" = $1 and "status" = 'IN_PROGRESS' returning "deadline")
       select count(*)::int as n, max("deadline") as deadline from d`, [seeded.drillUuid, opts.sweepAheadSeconds]);
    const open = set.rows[0]!.n;
    const deadline = set.rows[0]!.deadline;
    const poll = async () => {
      for (;;) {
        const { rows: [p] } = await sql.query<{ open: number; now: Date }>(
          `select count(*) filter (where "status" = 'IN_PROGRESS')::int as open, clock_timestamp() as now from "drill_attempt" where "drill_id" = $1`, [seeded.drillUuid]);
        if (p!.open === 0 && p!.now >= deadline) return { ms: p!.now.getTime() - deadline.getTime(), left: 0 };
        if (p!.now.getTime() - deadline.getTime() > 120_000) return { ms: NaN, left: p!.open };
        await new Promise((res) => setTimeout(res, 100));
      }
    };
    const cpuW = serversCpu();
    const [closing, sweep] = await Promise.all([
      paced({ perSecond: opts.savesPerSecond, seconds: opts.sweepAheadSeconds + 1, until: () => Date.now() >= deadline.getTime() }, () => save(phones, pick(), counts)),
      poll(),
    ]);
    // From the deadline being set to the last submission: the saves before it and the sweep after it.
    const sweepCpu = serversCpu() - cpuW;
    const c = line(closing);
    const by = await sql.query<{ by: string; n: number }>(`select "submitted_by" as by, count(*)::int as n from "drill_attempt" where "drill_id" = $1 group by 1 order by 1`, [seeded.drillUuid]);
    rows.push([`saves in the ${opts.sweepAheadSeconds} s before the deadline`, `${c.text.replace(/ failed \(/, ' refused (after the deadline: expected; ')}`]);
    rows.push([`deadline sweep of ${open} open attempts`, Number.isFinite(sweep.ms) ? `the last submitted ${fmt(sweep.ms / 1000, 2)} s after the deadline (polled every 100 ms); server CPU ${fmt(sweepCpu, 1)} s from setting the deadline to then, saves included` : `${sweep.left} still open 120 s after the deadline`]);
    rows.push(['  attempts by who submitted them', by.rows.map((x) => `${x.by ?? 'not submitted'} ${x.n}`).join(', ')]);
    report('drillSweep', said(Number.isFinite(sweep.ms) ? `${fmt(sweep.ms / 1000, 1)} s for ${open} open attempts` : `${sweep.left} of ${open} still open after 120 s`));

    const rss = Math.max(...servers.map((x) => x.maxRssMb()));
    rows.push([`server RSS MB, max of 1 s samples from the burst on${opts.instances > 1 ? ' (the larger instance)' : ''}`, fmt(rss)]);
    report('drillRss', said(`${fmt(rss, 0)} MB`));
    console.log(table(`drill: ${takers.length} takers${opts.instances > 1 ? ` over ${opts.instances} server processes` : ''}, ${opts.burst} starting in one second, saves at ${opts.savesPerSecond}/s for ${opts.seconds} s, then a ramp of +${opts.step}/s every ${opts.stepSeconds} s from ${opts.step}/s, then a deadline sweep`, rows));
  } catch (err) {
    if (rows.length) console.log(table('drill (up to the failure)', rows));
    throw err;
  } finally {
    phones.close();
    await sql.end();
    await counter?.close();
    for (const x of servers) await x.stop();
    await db.stop();
  }
}
