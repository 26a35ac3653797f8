import { PgBoss, fromPglite, type Db, type Job, type JobResult } from "pg-boss";
import type { DeadJob, DeadLetters, EnqueueOptions, JobName, JobPayloads, JobQueue } from "@ascent/core";
import type { DatabaseHandle } from "@ascent/db";

/** Every queue the app uses; each one dead-letters to DEAD_LETTER_QUEUE once its retries are used up. */
export const JOB_NAMES: readonly JobName[] = [
  "mail.send",
  "password-reset.send",
  "slack.post",
  "scheduled.backup",
  "scheduled.level-changes",
  "scheduled.reminders",
  "reminders.deliver",
  "scheduled.digests",
];

export interface Schedule {
  name: Extract<JobName, `scheduled.${string}`>;
  /** A cron expression, read in UTC. */
  cron: string;
}

/**
 * What runs on a schedule (decisions/0011). pg-boss's cron pass runs on one server at a time and files
 * each occurrence under one key, so every occurrence becomes one job however many servers run; each
 * use case then decides from the injected clock what is due, so an occurrence that finds nothing is cheap.
 */
export const SCHEDULES: readonly Schedule[] = [
  // The backup settings say how often; this only asks every minute whether one is due.
  { name: "scheduled.backup", cron: "* * * * *" },
  { name: "scheduled.level-changes", cron: "*/5 * * * *" },
  { name: "scheduled.reminders", cron: "*/15 * * * *" },
  // Digests go at 08:00 on each person's own clock, in whatever zone; a quarter-hourly pass finds them.
  { name: "scheduled.digests", cron: "*/15 * * * *" },
];
const SCHEDULE_TIME_ZONE = "UTC";
/** Jobs a worker fetches at once; full batches are fetched again without waiting for the next poll. */
const WORK_BATCH_SIZE = 20;
/**
 * Workers per queue and server: mail waits on the SMTP server, so a few conversations overlap; a
 * fan-out's delivery batches are shared by two. Scheduled runs need one.
 */
const WORKERS: Partial<Record<JobName, number>> = { "mail.send": 4, "reminders.deliver": 2 };
export const DEAD_LETTER_QUEUE = "dead-letters";
/** pg-boss keeps its tables in a schema of its own, apart from the app's migrations. */
const PG_BOSS_SCHEMA = "pgboss";

export interface RetryPolicy {
  retryLimit: number;
  /** The first wait; with backoff each retry waits about twice as long as the one before. */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** The longest wait between two attempts. */
  retryDelayMaxSeconds: number;
}

/** About 30 s, 1, 2, 4 and 8 minutes: an SMTP server that is down for a quarter of an hour loses nothing. */
export const DEFAULT_RETRY: RetryPolicy = {
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  retryDelayMaxSeconds: 900,
};

export type JobHandlers = { [N in JobName]: (data: JobPayloads[N]) => Promise<unknown> };

/**
 * The same executor shape on both drivers, through pg-boss's `db` option (decisions/0007): PGlite's
 * one client through pg-boss's own adapter, PostgreSQL's pool as it is. pg-boss never opens or
 * closes either; the database handle owns them.
 */
function executorFor(database: DatabaseHandle): { db: Db; backend?: "pglite" } {
  const native = database.native;
  if (native.driver === "pglite") return { db: fromPglite(native.client), backend: "pglite" };
  return { db: { executeSql: (text, values) => native.pool.query(text, values) } };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function reasonOf(output: unknown): string {
  if (output && typeof output === "object" && "message" in output && typeof output.message === "string") {
    return output.message;
  }
  return output === null || output === undefined ? "unknown" : JSON.stringify(output);
}

/**
 * The job queue in the database: pg-boss on the app's own connection. Use cases enqueue; workers
 * (started by the server only) run the handlers, which call use cases through the composition root.
 * Starting is lazy, so tools that never enqueue never create pg-boss's schema.
 */
export class PgBossJobQueue implements JobQueue, DeadLetters {
  private readonly boss: PgBoss;
  private started: Promise<void> | null = null;
  private handlers: JobHandlers | null = null;

  constructor(
    database: DatabaseHandle,
    private readonly options: {
      retry?: RetryPolicy;
      /** How often an idle worker looks for jobs. */
      pollingIntervalSeconds?: number;
      onError?: (error: unknown) => void;
      /**
       * Run pg-boss's cron pass in this process: the server does; tools and tests that drain by hand
       * do not, so no schedule ever fires on the real clock inside a test.
       */
      runsSchedules?: boolean;
    } = {},
  ) {
    this.boss = new PgBoss({
      ...executorFor(database),
      schema: PG_BOSS_SCHEMA,
      schedule: options.runsSchedules === true,
    });
    this.boss.on("error", (error) => this.options.onError?.(error));
  }

  private start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      const retry = this.options.retry ?? DEFAULT_RETRY;
      await this.boss.createQueue(DEAD_LETTER_QUEUE);
      for (const name of JOB_NAMES) {
        const queue = {
          retryLimit: retry.retryLimit,
          retryDelay: retry.retryDelaySeconds,
          retryBackoff: retry.retryBackoff,
          deadLetter: DEAD_LETTER_QUEUE,
        };
        // pg-boss takes a longest wait only with backoff, and only when the queue is made.
        await this.boss.createQueue(name, {
          ...queue,
          ...(retry.retryBackoff ? { retryDelayMax: retry.retryDelayMaxSeconds } : {}),
        });
        // A queue made by an earlier start keeps its settings unless they are set again.
        await this.boss.updateQueue(name, queue);
      }
    })();
    return this.started;
  }

  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    await this.start();
    // pg-boss compares startAfter with the database's clock: a held job is fetched once that passes.
    await this.boss.send(name, data, options.startAfter ? { startAfter: options.startAfter } : {});
  }

  /** One insert for many jobs; each takes its queue's retry policy, as a sent job does. */
  async enqueueMany<N extends JobName>(name: N, data: JobPayloads[N][]): Promise<void> {
    if (data.length === 0) return;
    await this.start();
    await this.boss.insert(
      name,
      data.map((item) => ({ data: item })),
    );
  }

  /**
   * Registers every schedule (an upsert: several servers registering the same one leave one row) and
   * removes the ones the app no longer has.
   */
  async schedule(schedules: readonly Schedule[] = SCHEDULES): Promise<void> {
    await this.start();
    const wanted = new Set(schedules.map((s) => s.name));
    for (const { name } of await this.boss.getSchedules()) {
      if (!wanted.has(name as Schedule["name"])) await this.boss.unschedule(name);
    }
    for (const { name, cron } of schedules) await this.boss.schedule(name, cron, {}, { tz: SCHEDULE_TIME_ZONE });
  }

  /** The schedules stored in the database, for tests and operators. */
  async schedules(): Promise<{ name: string; cron: string; timezone: string }[]> {
    await this.start();
    return (await this.boss.getSchedules()).map(({ name, cron, timezone }) => ({ name, cron, timezone }));
  }

  /** Starts a worker per queue that runs its handler; the server calls this once it listens. */
  async work(handlers: JobHandlers): Promise<void> {
    await this.start();
    this.handlers = handlers;
    for (const name of JOB_NAMES) {
      await this.boss.work<JobPayloads[typeof name]>(
        name,
        {
          pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2,
          // A fan-out (a cycle's reminders) leaves thousands of mails: fetch them in batches, without
          // waiting between full ones, and keep several SMTP conversations going at once.
          // A delivery job holds 200 reminders: two at a time, so that other workers and servers share them.
          batchSize: name === "reminders.deliver" ? 2 : WORK_BATCH_SIZE,
          burstWhenBatchFull: true,
          perJobResults: true,
          localConcurrency: WORKERS[name] ?? 1,
        },
        async (jobs) => {
          // Each job settles alone: one refused address fails (and retries) its own mail, not its batch's.
          const settle = async (job: Job<JobPayloads[typeof name]>): Promise<JobResult> => {
            try {
              await this.run(name, job);
              return { id: job.id, status: "completed" };
            } catch (error) {
              return { id: job.id, status: "failed", output: { message: messageOf(error) } };
            }
          };
          // A batch of mails is sent side by side: most of a mail's time is the SMTP server's answer.
          if (name === "mail.send") return Promise.all(jobs.map(settle));
          const results: JobResult[] = [];
          for (const job of jobs) results.push(await settle(job));
          return results;
        },
      );
    }
  }

  private async run(name: JobName, job: Job<JobPayloads[JobName]>): Promise<void> {
    const handler = this.handlers?.[name] as ((data: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`No handler for the job "${name}"`);
    await handler(job.data);
  }

  /**
   * Runs every job that is due now, in this process, until none is left; failed ones are retried as
   * their policy says. For tests and tools that do not run workers: nothing waits on a timer.
   */
  async drain(handlers: JobHandlers, maxRounds = 100): Promise<number> {
    await this.start();
    this.handlers = handlers;
    let ran = 0;
    for (let round = 0; round < maxRounds; round++) {
      let found = 0;
      for (const name of JOB_NAMES) {
        for (const job of await this.boss.fetch<JobPayloads[typeof name]>(name, { batchSize: 50 })) {
          found++;
          try {
            await this.run(name, job);
            await this.boss.complete(name, job.id);
          } catch (error) {
            await this.boss.fail(name, job.id, { message: messageOf(error) });
          }
        }
      }
      ran += found;
      if (found === 0) return ran;
    }
    return ran;
  }

  async list(limit: number): Promise<DeadJob[]> {
    await this.start();
    const jobs = await this.boss.findJobs<unknown>(DEAD_LETTER_QUEUE, { queued: true, limit: 100_000 });
    return jobs
      .map((job) => ({
        id: job.id,
        name: job.sourceName ?? "unknown",
        data: job.data,
        reason: reasonOf(job.sourceOutput),
        failedAt: job.createdOn,
      }))
      .sort((a, b) => b.failedAt.getTime() - a.failedAt.getTime())
      .slice(0, limit);
  }

  async retry(id: string): Promise<boolean> {
    await this.start();
    return (await this.boss.redrive(DEAD_LETTER_QUEUE, { ids: [id] })) > 0;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: true, timeout: 5000, close: false });
  }
}
