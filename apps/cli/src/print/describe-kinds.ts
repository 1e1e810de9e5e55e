/** `wh describe` text: kubectl's sections from @wheelhouse/printers; kinds without a layout show their fields as YAML. */
import type { Event, KubeObject } from '@wheelhouse/model';
import { type DescribeContext, describeObject as describe } from '@wheelhouse/printers';
import YAML from 'yaml';
import { stripNulls } from './object.js';

export function describeObject(
  kind: string,
  namespaced: boolean,
  o: KubeObject,
  events: readonly Event[] | undefined,
  now: number,
  related: Omit<DescribeContext, 'now'> = {},
): string {
  return describe(kind, namespaced, stripNulls(o) as KubeObject, events, now, (fields) => YAML.stringify(fields).trimEnd(), related);
}
