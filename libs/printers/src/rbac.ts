// printers.go: printServiceAccount, printRole, printClusterRole, printRoleBinding, printClusterRoleBinding.
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding, ServiceAccount } from '@wheelhouse/model';
import { age, elapsedMs } from './duration.js';

interface Named {
  metadata: { name?: string; creationTimestamp?: string };
}
interface Column<T> {
  name: string;
  priority: 0 | 1;
  cell(object: T, now: number): string;
  sortKey?(object: T, now: number): number;
}

const name: Column<Named> = { name: 'Name', priority: 0, cell: (o) => o.metadata.name ?? '' };
const ageColumn: Column<Named> = {
  name: 'Age',
  priority: 0,
  cell: (o, now) => age(o.metadata.creationTimestamp, now),
  sortKey: (o, now) => elapsedMs(o.metadata.creationTimestamp, now) ?? 0,
};
/** Roles print CREATED AT (RFC 3339, UTC) instead of an age. */
const createdAt: Column<Named> = {
  name: 'Created At',
  priority: 0,
  cell: (o) => (o.metadata.creationTimestamp ? new Date(o.metadata.creationTimestamp).toISOString().replace(/\.\d{3}Z$/, 'Z') : '<unknown>'),
};

type Binding = RoleBinding | ClusterRoleBinding;

/** Users, Groups and ServiceAccounts (`ns/name`) of a binding's subjects. */
export function bindingSubjects(b: Binding): { users: string; groups: string; serviceAccounts: string } {
  const subjects = b.subjects ?? [];
  const of = (kind: string) => subjects.filter((s) => s.kind === kind);
  return {
    users: of('User')
      .map((s) => s.name ?? '')
      .join(', '),
    groups: of('Group')
      .map((s) => s.name ?? '')
      .join(', '),
    serviceAccounts: of('ServiceAccount')
      .map((s) => `${s.namespace ?? ''}/${s.name ?? ''}`)
      .join(', '),
  };
}

const bindingColumns = <T extends Binding>(): Column<T>[] => [
  name,
  { name: 'Role', priority: 0, cell: (b) => `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}` },
  ageColumn,
  { name: 'Users', priority: 1, cell: (b) => bindingSubjects(b).users },
  { name: 'Groups', priority: 1, cell: (b) => bindingSubjects(b).groups },
  { name: 'ServiceAccounts', priority: 1, cell: (b) => bindingSubjects(b).serviceAccounts },
];

export const serviceAccountPrinter = {
  columns: [
    name,
    { name: 'Secrets', priority: 0, cell: (s: ServiceAccount) => String((s.secrets ?? []).length), sortKey: (s: ServiceAccount) => (s.secrets ?? []).length },
    ageColumn,
  ],
} as { columns: readonly Column<ServiceAccount>[] };
export const rolePrinter: { columns: readonly Column<Role>[] } = { columns: [name, createdAt] };
export const clusterRolePrinter: { columns: readonly Column<ClusterRole>[] } = { columns: [name, createdAt] };
export const roleBindingPrinter: { columns: readonly Column<RoleBinding>[] } = { columns: bindingColumns<RoleBinding>() };
export const clusterRoleBindingPrinter: { columns: readonly Column<ClusterRoleBinding>[] } = { columns: bindingColumns<ClusterRoleBinding>() };
