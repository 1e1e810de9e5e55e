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
      // Past the cap the count stops; the walk goes on only to find the latest due time.
      let last = t;
      for (let u = schedule.next(last); u !== null && u <= now; u = schedule.next(u)) last = u;
      mostRecent = last;
      break;
    }
  }
  return { mostRecent, missed, next: schedule.next(now) };
}
