// getMostRecentScheduleTime (pkg/controller/cronjob/utils.go): the latest start time that
// is due, how many were missed, and when the next one comes.
import type { CronSchedule } from '@wheelhouse/resources';

/** More missed start times than this and the controller stops counting and says so (Kubernetes: 100). */
export const TOO_MANY_MISSED = 100;

export interface ScheduleTimes {
  /** The latest start time in (earliest, now], or undefined when none is due. */
  mostRecent?: Date;
  /** Start times in (earliest, now]; capped just above TOO_MANY_MISSED. */
  missed: number;
  /** The first start time after now. */
  next: Date | null;
}

/**
 * `earliest` is the last schedule time, else the CronJob's creation; with
 * startingDeadlineSeconds, times older than the deadline are not considered at all.
 * Bounded work however long the CronJob was left alone: at most TOO_MANY_MISSED + 1 steps
 * to count, then a search back from now for the latest due time.
 */
export function scheduleTimes(schedule: CronSchedule, earliestIn: Date, now: Date, startingDeadlineSeconds?: number): ScheduleTimes {
  let earliest = earliestIn;
  if (startingDeadlineSeconds !== undefined) {
    const deadline = new Date(now.getTime() - startingDeadlineSeconds * 1000);
    if (deadline > earliest) earliest = deadline;
  }
  let mostRecent: Date | undefined;
  let missed = 0;
  for (let t = schedule.next(earliest); t !== null && t <= now; t = schedule.next(t)) {
    mostRecent = t;
    missed++;
    if (missed > TOO_MANY_MISSED) {
      mostRecent = latestDue(schedule, t, now);
      break;
    }
  }
  return { mostRecent, missed, next: schedule.next(now) };
}

/**
 * The latest start time in [known, now], `known` being one: looks back from now over a
 * window that grows fourfold until it holds a start time, then walks that window forward.
 */
function latestDue(schedule: CronSchedule, known: Date, now: Date): Date {
  for (let window = 60_000; ; window *= 4) {
    const from = new Date(Math.max(known.getTime(), now.getTime() - window));
    let latest: Date | undefined;
    for (let t = schedule.next(from); t !== null && t <= now; t = schedule.next(t)) latest = t;
    if (latest) return latest;
    if (from.getTime() === known.getTime()) return known;
  }
}
