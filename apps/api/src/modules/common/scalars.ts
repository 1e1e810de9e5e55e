import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
export { GraphQLJSONObject as JSONObject, GraphQLJSON as JSON } from 'graphql-scalars';

/**
 * Labels, annotations, selectors and resource lists: a JSON object of string values. It parses
 * exactly as JSONObject (a non-string value reaches the validators, which name the field);
 * the name tells clients and the generated model types what the values are.
 */
export const StringMap = new GraphQLScalarType({
  name: 'StringMap',
  description: 'A JSON object whose values are strings (labels, annotations, selectors, resource quantities).',
  serialize: GraphQLJSONObject.serialize,
  parseValue: GraphQLJSONObject.parseValue,
  parseLiteral: GraphQLJSONObject.parseLiteral,
});

/** Kubernetes' IntOrString (ports, maxSurge): an integer or a string such as "http" or "25%". */
export const IntOrString = new GraphQLScalarType({
  name: 'IntOrString',
  description: 'An integer or a string, as Kubernetes IntOrString (e.g. a port number or name, or "25%").',
  serialize: (value) => value,
  parseValue(value) {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return value;
    throw new TypeError(`IntOrString must be an integer or a string, got ${JSON.stringify(value)}`);
  },
  parseLiteral(ast: ValueNode) {
    if (ast.kind === Kind.INT) return Number(ast.value);
    if (ast.kind === Kind.STRING) return ast.value;
    throw new TypeError('IntOrString must be an integer or a string');
  },
});

/** Kubernetes Quantity ("100m", "1Gi"); numbers are accepted and kept as strings. */
export const Quantity = new GraphQLScalarType({
  name: 'Quantity',
  description: 'A Kubernetes resource quantity such as "100m" or "1Gi".',
  serialize: (value) => String(value),
  parseValue(value) {
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    throw new TypeError(`Quantity must be a string or a number, got ${JSON.stringify(value)}`);
  },
  parseLiteral(ast: ValueNode) {
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT || ast.kind === Kind.STRING) return String(ast.value);
    throw new TypeError('Quantity must be a string or a number');
  },
});
