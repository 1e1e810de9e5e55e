'use client';
import { createContext, useContext, useState } from 'react';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { Client, Provider as UrqlProvider, fetchExchange } from 'urql';
import { createDashboardClient, type DashboardClient } from '@/lib/graphql/client.ts';
import { ConnectionStore } from '@/lib/graphql/connection.ts';
import { cookieColorSchemeManager } from '@/lib/theme/color-scheme.ts';

const theme = createTheme({ primaryColor: 'indigo', primaryShade: { light: 8, dark: 8 }, defaultRadius: 'sm' });

// Mantine's dimmed text and light-variant badge text fall below WCAG AA contrast (4.5:1)
// on their backgrounds; these shades pass (axe checks them in the e2e test).
const LIGHT_BADGE_TEXT: Record<string, string> = {
  green: '#1b5e20',
  yellow: '#7a4f00',
  red: '#a51111',
  orange: '#8a3c00',
  teal: '#0b5e4f',
  gray: '#343a40',
  indigo: '#2f3fa8',
  blue: '#1c4f8f',
  violet: '#5a2ca0',
};
const contrastSafe: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(Object.entries(LIGHT_BADGE_TEXT).map(([color, text]) => [`--mantine-color-${color}-light-color`, text])),
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
const DashboardContext = createContext<DashboardClient | null>(null);

export function useDashboard(): DashboardClient {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboard outside <Providers>');
  return value;
}

// Data is fetched in the browser only (live lists start in effects); the server render gets an inert client.
function createClientForEnvironment(): DashboardClient {
  if (typeof window !== 'undefined') return createDashboardClient();
  return { client: new Client({ url: 'http://127.0.0.1/unused', exchanges: [fetchExchange] }), connection: new ConnectionStore() };
}

export function Providers({ colorScheme, children }: { colorScheme: 'light' | 'dark'; children: React.ReactNode }) {
  const [dashboard] = useState(createClientForEnvironment);
  const [manager] = useState(cookieColorSchemeManager);
  return (
    <MantineProvider theme={theme} defaultColorScheme={colorScheme} colorSchemeManager={manager} cssVariablesResolver={contrastSafe}>
      <DashboardContext.Provider value={dashboard}>
        <UrqlProvider value={dashboard.client}>{children}</UrqlProvider>
      </DashboardContext.Provider>
    </MantineProvider>
  );
}
