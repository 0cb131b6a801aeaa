import { randomBytes } from 'node:crypto';
import type { WebSocketServer } from 'ws';

/**
 * Pre-serialized JSON for results shared by many subscribers. graphql-ws stringifies every message
 * per socket; for a thousand screens on one leaderboard that is a thousand stringifications of the
 * same data per change. A shared result carries its data already serialized; it stringifies to a
 * marker, and each socket's `send` splices the serialized data in place of the marker.
 *
 * The marker holds a per-process random nonce, so no user-supplied string can imitate one.
 */
const NONCE = randomBytes(12).toString('hex');
const MARKER_START = `"\\u0000rawjson:${NONCE}:`;
const MARKER_END = `\\u0000"`;

const serialized = new Map<number, string>();
const released = new FinalizationRegistry<number>((id) => serialized.delete(id));
let nextId = 1;

export class RawJson {
  private readonly id = nextId++;

  constructor(value: unknown) {
    serialized.set(this.id, JSON.stringify(value) ?? 'null');
    released.register(this, this.id);
  }

  toJSON(): string {
    return `\u0000rawjson:${NONCE}:${this.id}\u0000`;
  }
}

/** The message with every marker replaced by its serialized data. */
export function inlineRawJson(message: string): string {
  let start = message.indexOf(MARKER_START);
  if (start < 0) return message;
  let out = '';
  let from = 0;
  while (start >= 0) {
    const idFrom = start + MARKER_START.length;
    const end = message.indexOf(MARKER_END, idFrom);
    const json = end > 0 ? serialized.get(Number(message.slice(idFrom, end))) : undefined;
    if (json === undefined) throw new Error('raw JSON released before it was sent');
    out += message.slice(from, start) + json;
    from = end + MARKER_END.length;
    start = message.indexOf(MARKER_START, from);
  }
  return out + message.slice(from);
}

/** Makes every socket of the server splice pre-serialized data into what it sends. */
export function sendRawJson(wsServer: WebSocketServer): void {
  wsServer.on('connection', (socket) => {
    const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void;
    socket.send = ((data: unknown, ...rest: unknown[]) => send(typeof data === 'string' ? inlineRawJson(data) : data, ...rest)) as typeof socket.send;
  });
}
