/** `wh describe` text: kubectl's sections from @wheelhouse/printers; kinds without a layout show their fields as YAML. */
import type { Event, KubeObject } from '@wheelhouse/model';
import { describeObject as describe } from '@wheelhouse/printers';
import YAML from 'yaml';
import { stripNulls } from './object.js';

export function describeObject(kind: string, namespaced: boolean, o: KubeObject, events: readonly Event[] | undefined, now: number): string {
  return describe(kind, namespaced, stripNulls(o) as KubeObject, events, now, (fields) => YAML.stringify(fields).trimEnd());
}
