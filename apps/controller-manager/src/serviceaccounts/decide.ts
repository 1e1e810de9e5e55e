// pkg/controller/serviceaccount/serviceaccounts_controller.go syncNamespace: every active
// namespace has the managed ServiceAccounts (just `default`); a terminating one gets none.

export const MANAGED_SERVICE_ACCOUNTS = ['default'] as const;

export interface NamespaceView {
  phase?: string | null;
  deletionTimestamp?: string | null;
}

/** The ServiceAccounts to create in a namespace (absent namespace: none). */
export function serviceAccountsToCreate(namespace: NamespaceView | undefined, existing: ReadonlySet<string>): string[] {
  if (!namespace || namespace.phase === 'Terminating' || namespace.deletionTimestamp) return [];
  return MANAGED_SERVICE_ACCOUNTS.filter((name) => !existing.has(name));
}
