import { JobKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { Job, JobInput } from './job.type.js';

export const JobResolver = createResourceResolver(JobKind, Job, JobInput);
