import { EventKind, ServiceKind, type KubeObject } from '@wheelhouse/resources';
import type { Store } from '../store/store.js';
import type { AllocationRanges } from './decide-allocation.js';

/** One finding of a repair pass, worded as Kubernetes' repair controllers word their events. */
export interface RepairFinding {
  namespace: string;
  name: string;
  reason: 'ClusterIPNotAllocated' | 'ClusterIPAlreadyAllocated' | 'ClusterIPOutOfRange' | 'PortNotAllocated' | 'PortAlreadyAllocated' | 'PortOutOfRange';
  message: string;
}

export interface RepairReport {
  /** Allocations no Service holds, released. */
  released: { value: string; namespace: string; name: string }[];
  findings: RepairFinding[];
}

/**
 * One pass of the ClusterIP and NodePort repair loops (pkg/registry/core/service/
 * ipallocator/controller/repair.go, portallocator/controller/repair.go), as set-based SQL:
 * allocations no Service holds are released, values Services hold without an allocation
 * are registered again, and values held twice or outside the ranges are reported on the
 * Services as Warning events (the user must recreate one). The trigger keeps allocations
 * exact for every write through the API, so a pass finds work only after the tables
 * drifted outside it: a restore of one table, a changed range, rows written by hand.
 * Each statement sees one snapshot, and a Service and its allocations commit together,
 * so a create running alongside is never mistaken for a leak.
 */
export async function repairServiceAllocations(store: Store, ranges: AllocationRanges, now: () => Date = () => new Date()): Promise<RepairReport> {
  const db = store.db;
  const released = [
    ...(await db.$queryRawUnsafe<{ value: string; namespace: string; name: string }[]>(
      `DELETE FROM "service_ip_allocations" a WHERE NOT EXISTS (
         SELECT 1 FROM "services" s WHERE s."uid" = a."serviceUid" AND host(a."ip") IN (SELECT wh_service_ips(s."spec")))
       RETURNING host(a."ip") AS "value", a."namespace", a."name"`,
    )),
    ...(await db.$queryRawUnsafe<{ value: string; namespace: string; name: string }[]>(
      `DELETE FROM "service_node_port_allocations" a WHERE NOT EXISTS (
         SELECT 1 FROM "services" s WHERE s."uid" = a."serviceUid" AND a."port" IN (SELECT wh_service_node_ports(s."spec")))
       RETURNING a."port"::text AS "value", a."namespace", a."name"`,
    )),
  ];
  const findings: RepairFinding[] = [];
  const ipRows = await db.$queryRawUnsafe<{ namespace: string; name: string; value: string; state: string }[]>(
    `WITH held AS (SELECT s."uid", s."namespace", s."name", x AS "value" FROM "services" s, wh_service_ips(s."spec") x),
     added AS (
       INSERT INTO "service_ip_allocations" ("ip", "serviceUid", "namespace", "name")
       SELECT h."value"::inet, h."uid", h."namespace", h."name" FROM held h
       WHERE h."value"::inet << $1::inet AND NOT EXISTS (SELECT 1 FROM "service_ip_allocations" a WHERE a."ip" = h."value"::inet)
       ON CONFLICT DO NOTHING RETURNING "serviceUid", host("ip") AS "value")
     SELECT h."namespace", h."name", h."value",
       CASE WHEN NOT (h."value"::inet << $1::inet) THEN 'out'
            WHEN EXISTS (SELECT 1 FROM added d WHERE d."serviceUid" = h."uid" AND d."value" = h."value") THEN 'added'
            ELSE 'other' END AS "state"
     FROM held h
     WHERE NOT (h."value"::inet << $1::inet)
        OR EXISTS (SELECT 1 FROM added d WHERE d."serviceUid" = h."uid" AND d."value" = h."value")
        OR EXISTS (SELECT 1 FROM "service_ip_allocations" a WHERE a."ip" = h."value"::inet AND a."serviceUid" <> h."uid")
        OR NOT EXISTS (SELECT 1 FROM "service_ip_allocations" a WHERE a."ip" = h."value"::inet)`,
    ranges.ips.text,
  );
  for (const r of ipRows) {
    const ip = `[IPv4]:${r.value}`;
    if (r.state === 'out')
      findings.push({ ...at(r), reason: 'ClusterIPOutOfRange', message: `Cluster IP ${ip} is not within the configured Service CIDR ${ranges.ips.text}; please recreate service` });
    else if (r.state === 'added') findings.push({ ...at(r), reason: 'ClusterIPNotAllocated', message: `Cluster IP ${ip} is not allocated; repairing` });
    else findings.push({ ...at(r), reason: 'ClusterIPAlreadyAllocated', message: `Cluster IP ${ip} was assigned to multiple services; please recreate service` });
  }
  const portRows = await db.$queryRawUnsafe<{ namespace: string; name: string; value: string; state: string }[]>(
    `WITH held AS (SELECT s."uid", s."namespace", s."name", x AS "value" FROM "services" s, wh_service_node_ports(s."spec") x),
     added AS (
       INSERT INTO "service_node_port_allocations" ("port", "serviceUid", "namespace", "name")
       SELECT h."value", h."uid", h."namespace", h."name" FROM held h
       WHERE h."value" BETWEEN $1 AND $2 AND NOT EXISTS (SELECT 1 FROM "service_node_port_allocations" a WHERE a."port" = h."value")
       ON CONFLICT DO NOTHING RETURNING "serviceUid", "port" AS "value")
     SELECT h."namespace", h."name", h."value"::text AS "value",
       CASE WHEN h."value" NOT BETWEEN $1 AND $2 THEN 'out'
            WHEN EXISTS (SELECT 1 FROM added d WHERE d."serviceUid" = h."uid" AND d."value" = h."value") THEN 'added'
            ELSE 'other' END AS "state"
     FROM held h
     WHERE h."value" NOT BETWEEN $1 AND $2
        OR EXISTS (SELECT 1 FROM added d WHERE d."serviceUid" = h."uid" AND d."value" = h."value")
        OR EXISTS (SELECT 1 FROM "service_node_port_allocations" a WHERE a."port" = h."value" AND a."serviceUid" <> h."uid")
        OR NOT EXISTS (SELECT 1 FROM "service_node_port_allocations" a WHERE a."port" = h."value")`,
    ranges.nodePorts.first,
    ranges.nodePorts.last,
  );
  for (const r of portRows) {
    if (r.state === 'out')
      findings.push({ ...at(r), reason: 'PortOutOfRange', message: `Port ${r.value} is not within the port range ${ranges.nodePorts.text}; please recreate service` });
    else if (r.state === 'added') findings.push({ ...at(r), reason: 'PortNotAllocated', message: `Port ${r.value} is not allocated; repairing` });
    else findings.push({ ...at(r), reason: 'PortAlreadyAllocated', message: `Port ${r.value} was assigned to multiple services; please recreate service` });
  }
  await Promise.all(findings.map((f) => recordEvent(store, f, now())));
  return { released, findings };
}

const at = (r: { namespace: string; name: string }) => ({ namespace: r.namespace, name: r.name });

async function recordEvent(store: Store, finding: RepairFinding, now: Date): Promise<void> {
  const service = await store.get(ServiceKind, finding.namespace, finding.name);
  const event: KubeObject = {
    // Kubernetes' recorder names events <object>.<hex time>; the random tail keeps one pass's events apart.
    metadata: { name: `${finding.name}.${now.getTime().toString(16)}${Math.floor(Math.random() * 0xffff).toString(16)}`, namespace: finding.namespace },
    involvedObject: {
      apiVersion: 'v1',
      kind: 'Service',
      namespace: finding.namespace,
      name: finding.name,
      uid: service?.metadata.uid,
      resourceVersion: service?.metadata.resourceVersion,
    },
    reason: finding.reason,
    message: finding.message,
    type: 'Warning',
    source: { component: finding.reason.startsWith('Port') ? 'portallocator-repair-controller' : 'ipallocator-repair-controller' },
    firstTimestamp: now.toISOString(),
    lastTimestamp: now.toISOString(),
    count: 1,
  };
  await store.create(EventKind, event, finding.namespace);
}
