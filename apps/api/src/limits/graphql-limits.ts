import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { ApiLimits } from './limits.js';
import { maxRepeatedFieldsRule } from './repeated-fields-rule.js';

/** A response name repeated more often than this in one selection set is refused. */
const MAX_REPEATED_FIELD = 10;

/**
 * graphql-js stops parsing at `maxTokens`, before any validation: the 30,000-field
 * `__typename` query is refused after reading its first 10,000 tokens.
 */
export function parseOptions(limits: ApiLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/**
 * Depth, alias, directive and cost limits (graphql-armor) and the repeated-field cap.
 * Cost is graphql-armor's with a depth factor of 1: about the number of fields
 * selected (a pod's full selection is ~730, a Deployment's ~680).
 */
export function limitRules(limits: ApiLimits): ValidationRule[] {
  const onReject = [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(refusal(error))];
  const common = { exposeLimits: true, propagateOnRejection: false, onReject };
  return [
    maxRepeatedFieldsRule(MAX_REPEATED_FIELD),
    maxAliasesRule({ n: limits.maxAliases, ...common }),
    maxDepthRule({ n: limits.maxDepth, ...common }),
    maxDirectivesRule({ n: limits.maxDirectives, ...common }),
    costLimitRule({ maxCost: limits.maxCost, depthCostFactor: 1, objectCost: 1, scalarCost: 1, ...common }),
  ] as ValidationRule[];
}

/** The first limit a document breaks, checked in linear time on its own. */
export function checkLimits(schema: GraphQLSchema, document: DocumentNode, rules: ValidationRule[]): GraphQLError | undefined {
  const [first] = validate(schema, document, rules, { maxErrors: 1 });
  return first;
}

/**
 * One validation rule that checks the limits before anything else looks at the
 * document: on the Document node it runs the limit rules alone and, when one refuses,
 * reports it and returns null, which prunes the whole document from the visit, so
 * the quadratic standard rules (OverlappingFieldsCanBeMerged) never see it.
 */
export function limitsFirstRule(rules: ValidationRule[], onRefused?: () => void): ValidationRule {
  return (context) => ({
    Document(node) {
      const refused = checkLimits(context.getSchema(), node, rules);
      if (!refused) return undefined;
      onRefused?.();
      context.reportError(refused);
      return null;
    },
  });
}

function refusal(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message.replace(/^Syntax Error: /, 'Query refused: '), { extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' } });
}
