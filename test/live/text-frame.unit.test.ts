import WebSocket from 'ws';
import { textFrame } from '../../src/live/raw-json';

// ws's receiver is not in its type definitions; it is what a client runs on every frame it gets.
const Receiver = (WebSocket as unknown as { Receiver: unknown }).Receiver as new (opts: { isServer: boolean }) => NodeJS.EventEmitter & { write(b: Buffer): void };

/** What ws's own receiver (a client's side) reads from a frame built by textFrame. */
function receive(frame: Buffer): Promise<{ text: string; binary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, binary: boolean) => resolve({ text: data.toString('utf8'), binary }));
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('textFrame', () => {
  it.each([0, 125, 126, 65_535, 65_536, 200_000])('frames %i bytes as one final text frame ws reads back', async (n) => {
    const payload = Buffer.from('x'.repeat(n));
    const got = await receive(textFrame(payload));
    expect(got.binary).toBe(false);
    expect(got.text.length).toBe(n);
    expect(got.text).toBe(payload.toString('utf8'));
  });

  it('builds one frame per payload, shared by every socket', () => {
    const payload = Buffer.from('{"a":1}');
    expect(textFrame(payload)).toBe(textFrame(payload));
  });
});
