/** A minimal GraphQL-over-HTTP client for the bench (Node's fetch keeps connections alive). */
export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data as T;
}

/** Fails loudly when a mutation payload carries userErrors: bench data must be built exactly. */
export function must<T extends { userErrors?: unknown[] }>(payload: T, what: string): T {
  if (payload.userErrors?.length) throw new Error(`${what}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const d = await gql(url, `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token userErrors { message } } }`, { e: email, p: password });
  return must(d.login, 'login').token;
}
