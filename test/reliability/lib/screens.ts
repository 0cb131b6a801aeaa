import WebSocket from 'ws';

/** The leaderboard fields a screen shows; the same selection is read over HTTP to compare. */
export const BOARD_FIELDS = `version rows(first: 1000) { nodes { entryId rank total completeness stageTotals { stageId score } } }`;
const SUB = `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) { ${BOARD_FIELDS} } }`;
const QUERY = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { ${BOARD_FIELDS} } } } }`;

export interface BoardState {
  version: number;
  rows: { nodes: unknown[] };
}

export interface Endpoint {
  name: string;
  url: string;
  wsUrl: string;
}

/**
 * A public scoreboard screen speaking graphql-transport-ws directly. Every leaderboardUpdated message
 * is a whole board, so a skipped version in the stream (latest-wins) needs nothing; a lost connection
 * is a gap of unknown size: the screen reconnects to the next instance it knows, subscribes again and
 * refetches the board over HTTP, keeping whichever is newer. It never shows an older version than
 * the one it shows.
 */
export class Screen {
  board: BoardState | null = null;
  messages = 0;
  reconnects = 0;
  refetches = 0;
  /** Versions that arrived older than the one shown (ignored; counted to see the ordering). */
  stale = 0;
  errors: string[] = [];
  /** Per reconnect: how many versions the screen had missed when it showed a board again. */
  catchUps: number[] = [];
  private resuming = false;
  private ws: WebSocket | null = null;
  private closed = false;
  private index: number;

  constructor(private readonly endpoints: () => Endpoint[], private readonly competitionId: string, start: number) {
    this.index = start;
  }

  get instance(): string {
    const all = this.endpoints();
    return all[this.index % all.length]!.name;
  }

  /** Resolves once subscribed (the first time). */
  start(): Promise<void> {
    return new Promise((resolve) => this.connect(resolve));
  }

  private connect(onSubscribed?: () => void): void {
    if (this.closed) return;
    const all = this.endpoints();
    const endpoint = all[this.index % all.length]!;
    const ws = new WebSocket(endpoint.wsUrl, 'graphql-transport-ws');
    this.ws = ws;
    let retried = false;
    const retry = () => {
      if (retried || this.closed) return;
      retried = true;
      this.index++;
      this.reconnects++;
      this.resuming = true;
      setTimeout(() => this.connect(onSubscribed), 100);
    };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    ws.on('message', (raw: Buffer) => {
      const msg = JSON.parse(raw.toString());
      if (msg.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: 'board', type: 'subscribe', payload: { query: SUB, variables: { id: this.competitionId } } }));
        // Subscribed first, then read: a change committed in between arrives on the subscription.
        setTimeout(() => {
          void this.refetch(endpoint).finally(() => {
            onSubscribed?.();
            onSubscribed = undefined;
          });
        }, 20);
      } else if (msg.type === 'next') {
        if (msg.payload.errors) this.errors.push(JSON.stringify(msg.payload.errors).slice(0, 300));
        const board = msg.payload.data?.leaderboardUpdated as BoardState | undefined;
        if (board) {
          this.messages++;
          this.show(board);
        }
      } else if (msg.type === 'error') {
        this.errors.push(JSON.stringify(msg.payload).slice(0, 300));
      }
    });
    ws.on('error', () => retry());
    ws.on('close', () => retry());
  }

  private async refetch(endpoint: Endpoint): Promise<void> {
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { id: this.competitionId } }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json()) as any;
      const board = body.data?.node?.leaderboard as BoardState | undefined;
      if (board) {
        this.refetches++;
        this.show(board);
      }
    } catch {
      /* the instance went away again; the reconnect refetches */
    }
  }

  private show(board: BoardState): void {
    if (this.board && board.version < this.board.version) {
      this.stale++;
      return;
    }
    if (this.resuming && this.board) this.catchUps.push(board.version - this.board.version);
    this.resuming = false;
    this.board = board;
  }

  close(): void {
    this.closed = true;
    this.ws?.terminate();
  }
}

/** The board as the organizer reads it over HTTP now. */
export async function fetchBoard(url: string, competitionId: string, token?: string): Promise<BoardState> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: QUERY, variables: { id: competitionId } }),
  });
  const body = (await res.json()) as any;
  if (!body.data?.node?.leaderboard) throw new Error(`leaderboard query failed: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data.node.leaderboard;
}

/** Waits until every screen shows `version` (or a timeout); returns the screens that do not. */
export async function screensAt(screens: Screen[], version: number, timeoutMs: number): Promise<Screen[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const behind = screens.filter((s) => s.board?.version !== version);
    if (!behind.length || Date.now() > deadline) return behind;
    await new Promise((r) => setTimeout(r, 100));
  }
}
