// Kubernetes resource quantities ("100m", "1Gi", "2", "1e3") as numbers.
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** The quantity's value in base units (cores, bytes, count); NaN when it is not a quantity. */
export function parseQuantity(quantity: string | number | null | undefined): number {
  if (quantity === null || quantity === undefined || quantity === '') return NaN;
  if (typeof quantity === 'number') return quantity;
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  if (!match) return NaN;
  const [, number, suffix] = match;
  const scale = BINARY[suffix!] ?? DECIMAL[suffix!];
  return scale === undefined ? NaN : Number(number) * scale;
}

/** cpu cores as kubectl shows them: `250m`, `2`. */
export function formatCpu(cores: number): string {
  if (!Number.isFinite(cores)) return '-';
  if (cores === 0) return '0';
  return Number.isInteger(cores) ? String(cores) : `${Math.round(cores * 1000)}m`;
}

/** bytes in binary units: `512Mi`, `1.5Gi`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '-';
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)}${units[unit]}`;
}
