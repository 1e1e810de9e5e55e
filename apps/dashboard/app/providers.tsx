'use client';
import { createContext, useContext, useState } from 'react';
import { MantineProvider, createTheme } from '@mantine/core';
import { Client, Provider as UrqlProvider, fetchExchange } from 'urql';
import { createDashboardClient, type DashboardClient } from '@/lib/graphql/client.ts';
import { ConnectionStore } from '@/lib/graphql/connection.ts';
import { cookieColorSchemeManager } from '@/lib/theme/color-scheme.ts';

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'sm' });
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
    <MantineProvider theme={theme} defaultColorScheme={colorScheme} colorSchemeManager={manager}>
      <DashboardContext.Provider value={dashboard}>
        <UrqlProvider value={dashboard.client}>{children}</UrqlProvider>
      </DashboardContext.Provider>
    </MantineProvider>
  );
}
