import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCa } from '../../core/host/test-ca.test-helper';
import { Xfs4IoTClient } from '../../devices/xfs4iot/client';
import { conformanceProblems } from '../../devices/xfs4iot/conformance/check-message';
import { Xfs4IoTServiceLink } from '../../devices/xfs4iot/service-link';
import { startSimulatedPublisher, type SimulatedPublisher } from './publisher';
import type { SimulatedService } from './simulated-service';

/** A service whose one class command waits until canceled or told to finish. */
function echoService(
  name: string,
  interfaces: SimulatedService['interfaces'],
): SimulatedService & { release(): void } {
  let release = () => {};
  return {
    name,
    interfaces,
    status: () => ({}),
    deviceState: () => 'online',
    capabilities: () => ({}),
    commands: {
      'CardReader.ReadRawData': (_payload, context) =>
        new Promise((resolve) => {
          context.event('CardReader.InsertCardEvent', {});
          release = () =>
            resolve({
              completionCode: 'success',
              payload: { track2: { status: 'ok', data: 'MTIz' } },
            });
          context.signal.addEventListener('abort', () =>
            resolve({ completionCode: context.abortCode() }),
          );
        }),
    },
    release: () => release(),
  };
}

describe('the simulated XFS4IoT publisher and the service link', () => {
  let publisher: SimulatedPublisher | undefined;
  let link: Xfs4IoTServiceLink | undefined;
  afterEach(async () => {
    await link?.close();
    await publisher?.close();
  });

  async function connect(service?: string) {
    const reader = echoService('CardReader1', ['CardReader']);
    publisher = await startSimulatedPublisher({
      services: [echoService('Printer1', ['Printer']), reader],
    });
    link = new Xfs4IoTServiceLink({
      host: '127.0.0.1',
      port: publisher.port,
      secure: false,
      connectTimeoutMs: 1000,
      ...(service ? { service } : {}),
    });
    link.seek('CardReader');
    await link.open();
    return { reader, client: new Xfs4IoTClient(link, { graceMs: 200 }) };
  }

  it('finds the service with the interface through GetServices and Common.Capabilities', async () => {
    const { client } = await connect();
    expect(link!.description).toBe(`xfs4iot ${publisher!.serviceUri('CardReader1')}`);
    expect(link!.service?.interfaces).toEqual(['Common', 'CardReader']);
    const status = await client.command('Common.Status', {}, { timeoutMs: 1000 });
    expect(status).toMatchObject({
      completionCode: 'success',
      payload: { common: { device: 'online' } },
    });
  });

  it('says which services a publisher lists when none is the one configured', async () => {
    await expect(connect('CardReader9')).rejects.toThrow(
      /no service 'CardReader9' \(it lists Printer1, CardReader1/,
    );
  });

  it('delivers a command’s events, then its completion; Common.Cancel ends a waiting command', async () => {
    const { reader, client } = await connect();
    const events: string[] = [];
    const read = client.command(
      'CardReader.ReadRawData',
      { track2: true },
      { timeoutMs: 5000, onEvent: (name) => events.push(name) },
    );
    await expect.poll(() => events).toEqual(['CardReader.InsertCardEvent']);
    reader.release();
    expect(await read).toMatchObject({
      completionCode: 'success',
      payload: { track2: { data: 'MTIz' } },
    });

    const waiting = client.command(
      'CardReader.ReadRawData',
      {},
      { timeoutMs: 5000, onEvent: (name) => events.push(name) },
    );
    await expect.poll(() => events.length).toBe(2);
    await client.cancel([waiting.requestId]);
    expect((await waiting).completionCode).toBe('canceled');
  });

  it('times a command out at the service, and garbled messages are dropped without a crash', async () => {
    const { client } = await connect();
    const errors: string[] = [];
    client.onProtocolError((error) => errors.push(error));
    expect(
      (await client.command('CardReader.ReadRawData', {}, { timeoutMs: 100 })).completionCode,
    ).toBe('timeOut');
    publisher!.faults('CardReader1').malformed = 2;
    // The acknowledge and the completion are garbled: the client gives up after its grace time.
    const lost = await client.command('Common.Status', {}, { timeoutMs: 100 });
    expect(lost.completionCode).toBe('timeOut');
    expect(errors).toHaveLength(2);
    expect((await client.command('Common.Status', {}, { timeoutMs: 1000 })).completionCode).toBe(
      'success',
    );
  });

  it('announces offline with a StatusChangedEvent, and a dropped service closes the link', async () => {
    const { client } = await connect();
    const unsolicited: unknown[] = [];
    client.onUnsolicited((name, payload) => unsolicited.push({ name, payload }));
    publisher!.faults('CardReader1').offline = true;
    await expect
      .poll(() => unsolicited)
      .toEqual([{ name: 'Common.StatusChangedEvent', payload: { common: { device: 'offline' } } }]);
    const closed = new Promise<Error | undefined>((resolve) => link!.onClose(resolve));
    publisher!.dropClients('CardReader1');
    expect(await closed).toBeInstanceOf(Error);
    expect(link!.isOpen).toBe(false);
  });

  it("speaks the reference's shapes: discovery, Common.Status, Capabilities, Cancel, status events", async () => {
    const { client } = await connect();
    await client.command('Common.Capabilities', {}, { timeoutMs: 1000 });
    await client.command('Common.Status', {}, { timeoutMs: 1000 });
    const read = client.command('CardReader.ReadRawData', { track2: true }, { timeoutMs: 5000 });
    await expect.poll(() => publisher!.received.length).toBeGreaterThan(3);
    await client.cancel();
    await read;
    publisher!.faults('CardReader1').offline = true;
    await expect
      .poll(() => publisher!.sent.some(({ text }) => text.includes('StatusChangedEvent')))
      .toBe(true);
    const traffic = [...publisher!.received, ...publisher!.sent];
    expect(traffic.map(({ text }) => JSON.parse(text).header.name)).toEqual(
      expect.arrayContaining(['ServicePublisher.GetServices', 'Common.Status', 'Common.Cancel']),
    );
    expect(traffic.flatMap(({ text }) => conformanceProblems(text))).toEqual([]);
  });

  it('says plainly when nothing listens', async () => {
    publisher = await startSimulatedPublisher({ services: [] });
    const port = publisher.port;
    await publisher.close();
    publisher = undefined;
    link = new Xfs4IoTServiceLink({
      host: '127.0.0.1',
      port,
      secure: false,
      connectTimeoutMs: 500,
    });
    link.seek('CardReader');
    await expect(link.open()).rejects.toThrow(
      /no XFS4IoT service publisher on 127\.0\.0\.1: .*connection refused/,
    );
  });

  it('speaks wss with the certificate checked against the configured CA, and refuses another', async () => {
    const ca = await createTestCa('ATM services CA');
    const other = await createTestCa('Someone else');
    publisher = await startSimulatedPublisher({
      services: [echoService('CardReader1', ['CardReader'])],
      tls: await ca.issue('server', '127.0.0.1'),
    });
    const dir = mkdtempSync(join(tmpdir(), 'xfs4iot-ca-'));
    try {
      const linkWith = (pem: string) => {
        const caFile = join(dir, `${pem === ca.cert ? 'right' : 'wrong'}.pem`);
        writeFileSync(caFile, pem);
        return new Xfs4IoTServiceLink({
          host: '127.0.0.1',
          port: publisher!.port,
          secure: true,
          caFile,
          connectTimeoutMs: 1000,
        });
      };
      link = linkWith(ca.cert);
      link.seek('CardReader');
      await link.open();
      expect(link.service?.uri).toBe(`wss://127.0.0.1:${publisher.port}/xfs4iot/v1.0/CardReader1/`);
      await link.close();
      link = linkWith(other.cert);
      link.seek('CardReader');
      await expect(link.open()).rejects.toThrow(/certificate/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
