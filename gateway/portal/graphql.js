// The portal's only way to data: one POST to the gateway's /graphql per view, with the bearer
// token of the signed-in user. Every subgraph checks that token again, so the page can ask for
// nothing the user may not see.

export class GraphqlError extends Error {
  constructor(message, code, errors = []) {
    super(message);
    this.name = 'GraphqlError';
    this.code = code;
    this.errors = errors;
  }
}

/**
 * `request(query, variables)` resolves to `{ data, errors }`. It rejects with a GraphqlError when
 * there is no data at all; partial data (one subgraph down) resolves with its errors beside it,
 * so a view can show what it has.
 */
export function createGraphqlClient({ token, endpoint = '/graphql' }) {
  return async function request(query, variables = {}) {
    let response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new GraphqlError('The hub cannot be reached.', 'NETWORK_ERROR');
    }
    let body;
    try {
      body = await response.json();
    } catch {
      throw new GraphqlError(`The hub answered HTTP ${response.status}.`, 'INTERNAL_SERVER_ERROR');
    }
    const errors = Array.isArray(body.errors) ? body.errors : [];
    if (!body.data) {
      const [first] = errors;
      throw new GraphqlError(first?.message ?? `HTTP ${response.status}`, first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR', errors);
    }
    return { data: body.data, errors };
  };
}

/** The role claim of a token, to choose the customer or the staff home; the hub verifies the token, not this. */
export function roleOfToken(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).role ?? null;
  } catch {
    return null;
  }
}
