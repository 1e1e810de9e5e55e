import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from './metrics.js';

/** Counts and times each operation under its first root field (e.g. `createPod`). */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, errors }) {
          const selection = operation?.selectionSet.selections[0];
          const name = selection && selection.kind === 'Field' ? selection.name.value : 'unknown';
          metrics.latency.observe({ operation: name }, Number(process.hrtime.bigint() - started) / 1e9);
          metrics.requests.inc({ operation: name, outcome: errors && errors.length > 0 ? 'error' : 'ok' });
        },
      };
    },
  };
}
