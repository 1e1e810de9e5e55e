import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from '../context.js';
import { operationEvents, type FieldOutcome } from './audit-event.js';
import type { AuditLog } from './audit-log.js';

/**
 * After every response: an audit event per root field, with the outcome of that field
 * (the first error whose path starts at it). Writes always; reads and watches when the
 * log says `everything`. Requests without a resolved operation (parse errors) are not
 * API requests yet and are not logged.
 */
export function auditPlugin(log: AuditLog): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, request, contextValue, response }) {
          if (!operation || !contextValue.request) return;
          if (operation.operation !== 'mutation' && !log.options.everything) return;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const outcomeOf = (key: string): FieldOutcome | undefined => {
            // An error without a path (refused before execution: 429, authorization) belongs to every field.
            const error = errors.find((e) => e.path?.[0] === key) ?? errors.find((e) => !e.path);
            return error ? { code: error.extensions?.code as string | undefined, message: error.message } : undefined;
          };
          log.write(operationEvents(operation, request.variables, contextValue.principal, contextValue.request, outcomeOf, new Date()));
        },
      };
    },
  };
}
