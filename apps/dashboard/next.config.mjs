/** @type {import('next').NextConfig} */
const nextConfig = {
  // The dashboard is served by server.mjs (it forwards /api/graphql, WebSockets included).
  poweredByHeader: false,
  reactStrictMode: true,
  // dist/ holds the compiled unit tests; keep Next's output and tracing away from it.
  outputFileTracingExcludes: { '*': ['dist/**'] },
  experimental: { optimizePackageImports: ['@mantine/core', '@tabler/icons-react'] },
};
export default nextConfig;
