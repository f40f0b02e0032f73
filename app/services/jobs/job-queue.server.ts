import PgBoss from 'pg-boss'
import type { Database, SqlExecutor } from '#db/client.server.ts'
import { logger } from '#app/config/logger.server.ts'

/**
 * Background work goes through one PostgreSQL-backed queue, pg-boss, on the app's own database
 * and connections (see docs/decisions/009-job-queue.md). A job is a name, a handler and, for
 * periodic work, a cron schedule.
 */
export interface JobDefinition<Data extends object = Record<string, never>> {
  name: string
  run(data: Data): Promise<unknown>
  /** Five-field cron (UTC) for work that also runs on a schedule. */
  cron?: string
  /**
   * "short" keeps at most one waiting job per singleton key (a program's one deadline);
   * "stately" at most one waiting and one running (a mail's delivery); "standard" queues every send.
   */
  policy?: 'standard' | 'short' | 'stately'
  /**
   * A job that fails (throws) runs again up to `limit` times, `delaySeconds` apart, doubling each
   * time with `backoff`. Without it a failure is final.
   */
  retry?: RetryPolicy
}

export interface RetryPolicy {
  limit: number
  delaySeconds: number
  backoff?: boolean
}

const retryOptions = (retry: RetryPolicy | undefined) =>
  retry
    ? {
        retryLimit: retry.limit,
        retryDelay: retry.delaySeconds,
        retryBackoff: retry.backoff ?? false,
      }
    : {}

// `run` is a method, so a job taking its own data shape still fits here.
type AnyJob = JobDefinition<object>

interface QueueState {
  boss: PgBoss
  database: Database
}

// Kept on globalThis so that Vite's dev reloads of this module reuse the running queue.
const holder = globalThis as unknown as {
  __commonsJobQueue?: QueueState
  __commonsJobs?: Map<string, AnyJob>
}
const definitions = () => (holder.__commonsJobs ??= new Map())

/** Makes the jobs known to runJobNow (and to startJobQueue). */
export function defineJobs(jobs: AnyJob[]) {
  for (const job of jobs) definitions().set(job.name, job)
}

export interface QueueOptions {
  /** How often an idle worker asks for due jobs; the deadline precision, in seconds. */
  pollingIntervalSeconds?: number
  /** Tests switch the cron schedules off to decide themselves when periodic work runs. */
  schedules?: boolean
  /** False installs the queue's tables and queues without working them (a cluster's primary). */
  workers?: boolean
}

/**
 * Starts pg-boss on the open database: creates its schema (once, under its own advisory lock,
 * so several processes may start together), a queue and a worker per job, and the schedules.
 * Every process works; pg-boss hands each job to one of them (SELECT … FOR UPDATE SKIP LOCKED)
 * and fires each cron slot once across all of them.
 */
export async function startJobQueue(database: Database, options: QueueOptions = {}) {
  if (holder.__commonsJobQueue) return holder.__commonsJobQueue.boss
  const boss = await installRacingOthers(
    () =>
      new PgBoss({
        db: database.sql as PgBoss.Db,
        // Finished jobs are kept a week for inspection, then dropped by pg-boss's maintenance.
        deleteAfterDays: 7,
        schedule: options.schedules ?? true,
      }),
  )
  holder.__commonsJobQueue = { boss, database }
  if (options.workers === false) return boss
  const polling = options.pollingIntervalSeconds ?? 2
  for (const job of definitions().values()) {
    await boss.work<object>(job.name, { pollingIntervalSeconds: polling }, async (jobs) => {
      for (const { id, data } of jobs) {
        const log = logger().child({ job: job.name, jobId: id })
        const started = performance.now()
        try {
          // A cron slot fires its job with no data (null): handlers always get an object.
          const result = await job.run(data ?? {})
          log.info({ result, ms: Math.round(performance.now() - started) }, 'job done')
        } catch (err) {
          // Thrown on, so pg-boss records the failure and retries the job.
          log.error({ err }, 'job failed')
          throw err
        }
      }
    })
    if (job.cron && options.schedules !== false) await boss.schedule(job.name, job.cron)
  }
  return boss
}

/**
 * Starts pg-boss and creates the queues. On a fresh database, processes doing this at the same
 * moment collide inside pg-boss (its CREATE SCHEMA IF NOT EXISTS runs before its lock; two
 * create_queue calls can deadlock): the loser starts over once the winner has committed. The
 * cluster's primary does it once before forking (prepareDatabase), so this is for separate
 * machines starting together.
 */
async function installRacingOthers(create: () => PgBoss, attempts = 5): Promise<PgBoss> {
  for (let attempt = 1; ; attempt++) {
    // A PgBoss whose start failed stays "starting": each attempt needs a new one.
    const boss = create()
    boss.on('error', (err) => logger().error({ err }, 'job queue error'))
    try {
      await boss.start()
      for (const job of definitions().values()) {
        await boss.createQueue(job.name, {
          name: job.name,
          policy: job.policy ?? 'standard',
          ...retryOptions(job.retry),
        })
      }
      return boss
    } catch (err) {
      await boss.stop({ graceful: false, close: false }).catch(() => {})
      const collided = /duplicate key|already exists|deadlock/.test(String(err))
      if (attempt >= attempts || !collided) throw err
      logger().warn({ attempt }, 'job queue set-up collided with another process; retrying')
      await new Promise((r) => setTimeout(r, 300 * attempt))
    }
  }
}

/** Lets running jobs finish (up to 10 s), then stops polling; the database stays open. */
export async function stopJobQueue() {
  const state = holder.__commonsJobQueue
  if (!state) return
  holder.__commonsJobQueue = undefined
  await state.boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false })
}

export const isJobQueueRunning = () => holder.__commonsJobQueue !== undefined

/**
 * Queues `data` for the job `name` to run at `startAfter` (now when absent). A job with a
 * `singletonKey` is queued only while no other waits under that key (the "short" policy);
 * `id` names the job, so whoever queued it can cancel it later. Answers false when nothing was
 * queued: no queue runs in this process (a script, a test without one), or one already waits
 * under the key or id; callers schedule only what the periodic sweeps also catch. The job's
 * retry policy applies to each send. With `db` (`transactionSql(tx)`) the job is written in that
 * transaction: it exists, and a worker can take it, only once the transaction commits.
 */
export async function scheduleJob(
  name: string,
  data: object,
  options: {
    id?: string
    singletonKey?: string
    startAfter?: Date
    retry?: RetryPolicy
    db?: SqlExecutor
  } = {},
): Promise<boolean> {
  const state = holder.__commonsJobQueue
  if (!state) return false
  const { retry, db, ...rest } = options
  // The job's own retry policy unless the caller gives one (a test shortens the delay).
  const retrying = retryOptions(retry ?? definitions().get(name)?.retry)
  const id = await state.boss.send(name, data, {
    ...rest,
    ...retrying,
    ...(db ? { db: db as PgBoss.Db } : {}),
  })
  return id !== null
}

/**
 * Schedules many jobs of one kind in one statement (pg-boss's insert), each skipped when its
 * singleton key is waiting already, as `scheduleJob` would; false when no queue runs here.
 */
export async function scheduleJobs(
  name: string,
  jobs: readonly { data: object; singletonKey?: string }[],
  options: { db?: SqlExecutor } = {},
): Promise<boolean> {
  const state = holder.__commonsJobQueue
  if (!state) return false
  if (jobs.length === 0) return true
  const retrying = retryOptions(definitions().get(name)?.retry)
  await state.boss.insert(
    jobs.map((job) => ({ name, ...job, ...retrying })),
    options.db ? { db: options.db as PgBoss.Db } : {},
  )
  return true
}

/** Cancels a job that has not finished (pg-boss will not start it); nothing when none runs. */
export async function cancelJob(name: string, id: string): Promise<void> {
  await holder.__commonsJobQueue?.boss.cancel(name, id)
}

/** The jobs that also run on a schedule, by name. */
export const scheduledJobNames = () =>
  [...definitions().values()].filter((job) => job.cron).map((job) => job.name)

/**
 * Runs a job's handler here and now, without the queue: what tests use to see a job's effect
 * deterministically, and what an operator can call from a script.
 */
export async function runJobNow<Data extends object>(name: string, data: Data): Promise<unknown> {
  const job = definitions().get(name)
  if (!job) throw new Error(`No job named ${name}`)
  return job.run(data)
}
