'use client';
import { useCallback } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/** The namespace and list filters live in the URL, so views can be shared and survive reloads. */
export function useUrlState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = useCallback(
    (changes: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, router, pathname],
  );
  return {
    /** undefined = all namespaces */
    namespace: params.get('namespace') || undefined,
    labelSelector: params.get('labelSelector') || undefined,
    search: params.get('q') || '',
    wide: params.get('wide') === '1',
    set,
    /** A link that keeps the chosen namespace. */
    href: (path: string) => {
      const ns = params.get('namespace');
      return ns ? `${path}?namespace=${encodeURIComponent(ns)}` : path;
    },
  };
}
