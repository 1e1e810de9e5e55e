import { CronJobKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { CronJob, CronJobInput } from './cronjob.type.js';

export const CronJobResolver = createResourceResolver(CronJobKind, CronJob, CronJobInput);
