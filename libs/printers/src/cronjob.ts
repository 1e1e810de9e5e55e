/** kubectl's CronJob cells (pkg/printers/internalversion/printers.go printCronJob). */
import type { CronJob } from '@wheelhouse/model';
import { age } from './duration.js';
import { containerCells } from './selectors.js';

/** printBoolPtr: `<unset>` when the field is absent. */
export const cronJobSuspend = (o: CronJob) => (typeof o.spec?.suspend === 'boolean' ? (o.spec.suspend ? 'True' : 'False') : '<unset>');

/** LAST SCHEDULE: how long ago, `<none>` before the first Job. */
export const cronJobLastSchedule = (o: CronJob, now: number) => (o.status?.lastScheduleTime ? age(o.status.lastScheduleTime, now) : '<none>');

/** The Job template's containers and images (wide). */
export const cronJobContainers = (o: CronJob) => containerCells(o.spec?.jobTemplate?.spec?.template?.spec?.containers ?? undefined);
