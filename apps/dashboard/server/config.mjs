// The dashboard server's settings, from the environment.
export function readConfig(env = process.env) {
  const server = (env.WHEELHOUSE_SERVER || 'http://127.0.0.1:4000').replace(/\/+$/, '');
  // WHEELHOUSE_SERVER may be the API base URL or its /graphql endpoint (the launcher passes the latter).
  const apiGraphqlUrl = server.endsWith('/graphql') ? server : `${server}/graphql`;
  return {
    port: Number(env.WHEELHOUSE_DASHBOARD_PORT || env.DASHBOARD_PORT || 3000),
    host: env.WHEELHOUSE_DASHBOARD_HOST || '127.0.0.1',
    apiGraphqlUrl,
    apiWebSocketUrl: apiGraphqlUrl.replace(/^http/, 'ws'),
    dev: env.WHEELHOUSE_DASHBOARD_DEV === '1',
    // The CA of an https API (<data dir>/pki/ca.crt); the launcher sets it when the API serves TLS.
    caFile: env.WHEELHOUSE_CA_FILE || undefined,
    // Secure cookies only when served over https (behind a TLS proxy).
    secureCookies: env.WHEELHOUSE_DASHBOARD_SECURE_COOKIES === '1',
  };
}
