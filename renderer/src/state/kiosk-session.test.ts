import { describe, expect, it } from 'vitest';
import { attractView } from '../../../core/common/api/attract-view.test-helper';
import type { Intent, KioskApi, SessionView } from '../../../core/common/api';
import { KioskSession } from './kiosk-session.svelte';

/** A transport double: the test plays the brain, and loses it. */
class FakeTransport implements KioskApi {
  readonly sent: Intent[] = [];
  private viewListener: (view: SessionView) => void = () => {};
  private lostListener: () => void = () => {};
  send(intent: Intent): void {
    this.sent.push(intent);
  }
  subscribe(listener: (view: SessionView) => void): () => void {
    this.viewListener = listener;
    return () => {};
  }
  onConnectionLost(listener: () => void): () => void {
    this.lostListener = listener;
    return () => {};
  }
  show(view: SessionView): void {
    this.viewListener(view);
  }
  lose(): void {
    this.lostListener();
  }
}

const birthDate = (seq: number) =>
  attractView(seq, {
    screen: 'enterBirthDate',
    language: 'en',
    entry: { field: 'birthDate', display: '0703____', length: 4, maxLength: 8, complete: false },
  });

describe('the page’s session state when the brain goes away', () => {
  it('drops the view and the keys typed at once, and says so in the language that was on screen', () => {
    const transport = new FakeTransport();
    const session = new KioskSession(transport);
    transport.show(birthDate(5));
    session.send({ type: 'digit', digit: '1' });
    expect(session.entry?.length).toBe(5);

    transport.lose();
    expect(session.view).toBeNull();
    expect(session.entry).toBeNull();
    expect(session.connectionLost).toEqual({ language: 'en' });
    expect(session.language).toBe('en');
    expect(session.t.connectionLostTitle).toBe('Service briefly interrupted');
  });

  it('shows whatever the brain sends once it is back: a new brain’s start screen, or the session it kept', () => {
    const transport = new FakeTransport();
    const session = new KioskSession(transport);
    transport.show(birthDate(5));
    transport.lose();
    transport.show(attractView(1));
    expect(session.connectionLost).toBeNull();
    expect(session.view?.screen).toBe('attract');
    expect(session.t.connectionLostTitle).toBe('Layanan terputus sebentar');

    transport.lose();
    transport.show(birthDate(9));
    expect(session.view?.screen).toBe('enterBirthDate');
    expect(session.entry?.display).toBe('0703____');
    session.send({ type: 'backspace' });
    expect(transport.sent.at(-1)).toEqual({ type: 'backspace' });
  });
});
