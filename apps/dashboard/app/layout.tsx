import '@mantine/core/styles.css';
import './global.css';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { mantineHtmlProps } from '@mantine/core';
import { COLOR_SCHEME_COOKIE, parseColorScheme } from '@/lib/theme/color-scheme.ts';
import { Providers } from './providers.tsx';

export const metadata: Metadata = { title: 'Wheelhouse', description: 'Live console for a Wheelhouse cluster' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const scheme = parseColorScheme((await cookies()).get(COLOR_SCHEME_COOKIE)?.value);
  return (
    <html lang="en" {...mantineHtmlProps} data-mantine-color-scheme={scheme}>
      <body>
        <Providers colorScheme={scheme}>{children}</Providers>
      </body>
    </html>
  );
}
