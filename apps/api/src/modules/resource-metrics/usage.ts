// Usage figures as metrics-server reports them: CPU in millicores (`12m`), memory in Mi/Ki.

export function cpuQuantity(nanoCores: number): string {
  return `${Math.round(nanoCores / 1e6)}m`;
}

export function memoryQuantity(bytes: number): string {
  const mi = 1024 * 1024;
  return bytes >= mi ? `${Math.round(bytes / mi)}Mi` : `${Math.round(bytes / 1024)}Ki`;
}
