import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConnectionSlots } from './connection-slots';

describe('connection slots', () => {
  it('closes the oldest counted socket for a newcomer beyond the limit, never an exempt one', () => {
    const slots = new ConnectionSlots(3);
    const [ui, a, b, c, d] = Array.from({ length: 5 }, () => new PassThrough());
    slots.admit(ui!);
    slots.exempt(ui!);
    for (const socket of [a!, b!, c!]) slots.admit(socket);
    expect([ui, a, b, c].map((socket) => socket!.destroyed)).toEqual([false, false, false, false]);
    slots.admit(d!);
    expect([ui, a, b, c, d].map((socket) => socket!.destroyed)).toEqual([
      false,
      true,
      false,
      false,
      false,
    ]);
  });

  it('frees the slot of a socket that closed on its own', async () => {
    const slots = new ConnectionSlots(2);
    const [a, b, c] = Array.from({ length: 3 }, () => new PassThrough());
    slots.admit(a!);
    slots.admit(b!);
    const closed = new Promise((resolve) => b!.once('close', resolve));
    b!.destroy();
    await closed;
    slots.admit(c!);
    expect([a, c].map((socket) => socket!.destroyed)).toEqual([false, false]);
  });
});
