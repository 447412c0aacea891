import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * Free-form JSON objects (event properties, traits). The scalar passes values through; the
 * input schemas decide what is acceptable, so a bad value is reported with its field's path.
 */
export const JSONObjectScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSONObject',
  description: 'A JSON object.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
