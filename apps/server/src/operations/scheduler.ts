import type { FastifyBaseLogger } from "fastify";

export interface ScheduledTask {
  name: string;
  run(): Promise<unknown>;
}

/**
 * TEMPORARY until the job queue lands (issue 16 brings pg-boss): an in-process interval that runs each
 * task in turn. Each task decides itself whether it is due (from the injected clock and its settings),
 * so a tick that finds nothing to do is cheap, and a missed tick is caught up by the next. One tick at
 * a time: a slow backup never overlaps the next tick. TODO(issue 16): move these tasks onto pg-boss.
 */
export function startScheduler(
  tasks: ScheduledTask[],
  options: { everyMs: number; log: FastifyBaseLogger },
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      for (const task of tasks) {
        try {
          await task.run();
        } catch (error) {
          options.log.error({ err: error, task: task.name }, "scheduled task failed");
        }
      }
    })().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
