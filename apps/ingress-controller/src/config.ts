/** Settings of the ingress controller (API.md "Running"). */
export interface IngressConfig {
  server: string;
  host: string;
  /** 0 turns the listener off. */
  httpPort: number;
  httpsPort: number;
  metricsPort: number;
  /** The IngressClass ensured at start, marked as the cluster default. */
  className: string;
  controller: string;
}

export const CONTROLLER_NAME = 'wheelhouse.dev/ingress-controller';

const port = (value: string | undefined, fallback: number) => (value?.trim() ? Number(value) : fallback);

export function ingressConfigFromEnv(env: NodeJS.ProcessEnv): IngressConfig {
  return {
    server: env.WHEELHOUSE_SERVER ?? `http://127.0.0.1:${env.PORT ?? 4000}/graphql`,
    host: env.WHEELHOUSE_INGRESS_ADDRESS?.trim() || '127.0.0.1',
    httpPort: port(env.WHEELHOUSE_INGRESS_HTTP_PORT, 8080),
    httpsPort: port(env.WHEELHOUSE_INGRESS_HTTPS_PORT, 8443),
    metricsPort: port(env.WHEELHOUSE_INGRESS_METRICS_PORT, 10254),
    className: env.WHEELHOUSE_INGRESS_CLASS?.trim() || 'wheelhouse',
    controller: CONTROLLER_NAME,
  };
}
