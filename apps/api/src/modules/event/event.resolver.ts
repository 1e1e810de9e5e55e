import { EventKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { Event, EventInput } from './event.type.js';

export const EventResolver = createResourceResolver(EventKind, Event, EventInput);
