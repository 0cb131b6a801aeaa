import { randomBytes } from 'node:crypto';
import type { WebSocket, WebSocketServer } from 'ws';

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

/** Per shared result: its serialized data, and the whole messages already encoded for sending. */
interface Serialized {
  json: string;
  /** graphql-ws message (with the marker) → the UTF-8 bytes of the message with the data spliced in. */
  frames: Map<string, Buffer>;
}
const serialized = new Map<number, Serialized>();
const released = new FinalizationRegistry<number>((id) => serialized.delete(id));
let nextId = 1;
/** Distinct messages kept per result (subscription ids × error variants): screens of one app use one id. */
const MAX_FRAMES = 16;

export class RawJson {
  private readonly id = nextId++;

  constructor(value: unknown) {
    serialized.set(this.id, { json: JSON.stringify(value) ?? 'null', frames: new Map() });
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
    const json = end > 0 ? serialized.get(Number(message.slice(idFrom, end)))?.json : undefined;
    if (json === undefined) throw new Error('raw JSON released before it was sent');
    out += message.slice(from, start) + json;
    from = end + MARKER_END.length;
    start = message.indexOf(MARKER_START, from);
  }
  return out + message.slice(from);
}

/**
 * The bytes to send for a message: a message with one shared result is spliced and UTF-8 encoded
 * once, and the same Buffer is written to every socket that sends the same message (the same board,
 * audience and subscription id); ws writes a Buffer as it is, with a 4-byte frame header of its own.
 * Anything else: the string, spliced.
 */
export function encodeMessage(message: string): string | Buffer {
  const start = message.indexOf(MARKER_START);
  if (start < 0) return message;
  const idFrom = start + MARKER_START.length;
  const end = message.indexOf(MARKER_END, idFrom);
  const entry = end > 0 ? serialized.get(Number(message.slice(idFrom, end))) : undefined;
  if (!entry || message.indexOf(MARKER_START, end) >= 0) return inlineRawJson(message);
  let frame = entry.frames.get(message);
  if (!frame) {
    frame = Buffer.from(message.slice(0, start) + entry.json + message.slice(end + MARKER_END.length));
    if (entry.frames.size < MAX_FRAMES) entry.frames.set(message, frame);
  }
  return frame;
}

/** A shared message's bytes → the same bytes as one unmasked, final WebSocket text frame (header included). */
const framed = new WeakMap<Buffer, Buffer>();
export function textFrame(payload: Buffer): Buffer {
  let frame = framed.get(payload);
  if (frame) return frame;
  const n = payload.length;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x81; // FIN, text
  if (head === 2) frame[1] = n;
  else if (head === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(0, 2);
    frame.writeUInt32BE(n, 6);
  }
  payload.copy(frame, head);
  framed.set(payload, frame);
  return frame;
}

/** What of ws's internals the direct write relies on (ws 8): its sender idle, and the TCP socket. */
interface WsInternals {
  _sender?: { _state?: number; _queue?: unknown[] };
  _socket?: { writable?: boolean; write(data: Buffer, cb?: (err?: Error | null) => void): boolean };
}

/**
 * Writes a shared message to the TCP socket as a frame built once for every socket, instead of ws
 * framing it per send (a header, cork, two writes): per socket, that framing and graphql-ws's chain
 * are most of a board message's cost (bench/README.md). Only when ws's sender is idle (no
 * compression here, so it always is) and the socket open; otherwise ws sends it as usual.
 */
function writeFramed(socket: WebSocket & WsInternals, payload: Buffer, cb: ((err?: Error) => void) | undefined): boolean {
  const sender = socket._sender;
  const raw = socket._socket;
  if (socket.readyState !== 1 || !sender || sender._state !== 0 || (sender._queue?.length ?? 1) !== 0 || !raw?.writable) return false;
  raw.write(textFrame(payload), cb ? (err) => cb(err ?? undefined) : undefined);
  return true;
}

/** Makes every socket of the server splice pre-serialized data into what it sends (encoded once per message, see encodeMessage). */
export function sendRawJson(wsServer: WebSocketServer): void {
  wsServer.on('connection', (socket) => {
    const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void;
    socket.send = ((data: unknown, ...rest: unknown[]) => {
      if (typeof data !== 'string') return send(data, ...rest);
      const out = encodeMessage(data);
      if (typeof out === 'string') return send(out, ...rest);
      // A Buffer goes out as a text frame: it is UTF-8 JSON, as graphql-ws clients expect.
      const [options, cb] = typeof rest[0] === 'function' ? [{}, rest[0]] : [rest[0] ?? {}, rest[1]];
      if (!(options as { compress?: boolean }).compress && writeFramed(socket as WebSocket & WsInternals, out, cb as ((err?: Error) => void) | undefined)) return;
      return send(out, { ...(options as object), binary: false }, cb);
    }) as typeof socket.send;
  });
}
