/** Label maps and selectors as kubectl prints them (labels.FormatLabels, metav1.FormatLabelSelector). */
import type { LabelSelector } from '@wheelhouse/model';

/** `a=b,c=d` sorted by key, `<none>` when empty (labels.FormatLabels). */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const text = Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels![k]}`)
    .join(',');
  return text || '<none>';
}

/** A selector's requirements as labels.Selector.String(): sorted by key, values sorted. */
export function labelSelectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const parts: { key: string; text: string }[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, text: `${key}=${value}` }));
  for (const e of selector.matchExpressions ?? []) {
    const key = e.key ?? '';
    const values = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In':
        parts.push({ key, text: `${key} in (${values})` });
        break;
      case 'NotIn':
        parts.push({ key, text: `${key} notin (${values})` });
        break;
      case 'Exists':
        parts.push({ key, text: key });
        break;
      case 'DoesNotExist':
        parts.push({ key, text: `!${key}` });
        break;
      default:
        parts.push({ key, text: `${key} ${e.operator ?? ''} (${values})` });
    }
  }
  return parts
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => p.text)
    .join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when it selects by nothing. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  return labelSelectorString(selector) || '<none>';
}

/** layoutContainerCells: container names and images, comma separated. */
export function containerCells(containers: readonly { name?: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}
