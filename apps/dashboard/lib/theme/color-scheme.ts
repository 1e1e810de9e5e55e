import type { MantineColorScheme, MantineColorSchemeManager } from '@mantine/core';

/** The theme choice lives in a cookie so the server renders the right scheme (no flash). */
export const COLOR_SCHEME_COOKIE = 'wh-color-scheme';

export function parseColorScheme(value: string | undefined): 'light' | 'dark' {
  return value === 'light' ? 'light' : 'dark';
}

export function cookieColorSchemeManager(): MantineColorSchemeManager {
  return {
    get: (defaultValue) => {
      if (typeof document === 'undefined') return defaultValue;
      const match = document.cookie.match(new RegExp(`(?:^|; )${COLOR_SCHEME_COOKIE}=(light|dark)`));
      return (match?.[1] as MantineColorScheme | undefined) ?? defaultValue;
    },
    set: (value) => {
      // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API exists only in secure contexts, and the dashboard may be served over plain HTTP.
      document.cookie = `${COLOR_SCHEME_COOKIE}=${value}; Path=/; Max-Age=31536000; SameSite=Lax`;
    },
    subscribe: () => {},
    unsubscribe: () => {},
    clear: () => {
      // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API exists only in secure contexts, and the dashboard may be served over plain HTTP.
      document.cookie = `${COLOR_SCHEME_COOKIE}=; Path=/; Max-Age=0`;
    },
  };
}
