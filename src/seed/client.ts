import { mulberry32 } from '../common/seeded-random.js';

/** A tiny GraphQL client for the seed: fails loudly on errors and userErrors, so a demo is never half-built silently. */
export class SeedClient {
  constructor(private readonly url: string) {}

  async request<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`seed: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data as T;
  }

  /** `name(input: $input) { <selection> userErrors }`, returning the payload. */
  async mutate<T = any>(token: string, name: string, inputType: string, input: Record<string, unknown>, selection = ''): Promise<T> {
    const data = await this.request<Record<string, any>>(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { code field message } } }`, { input }, token);
    const payload = data[name];
    if (payload.userErrors?.length) throw new Error(`seed: ${name}: ${JSON.stringify(payload.userErrors)}`);
    return payload as T;
  }

  async login(email: string, password: string): Promise<string> {
    return (await this.mutate<{ token: string }>('', 'login', 'LoginInput', { email, password }, 'token')).token;
  }
}

/** Deterministic choices, so every seeded city looks the same. */
export class Dice {
  readonly next: () => number;
  constructor(seed = 20261202) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}
