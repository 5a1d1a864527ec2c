import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultConfig } from './faults';
import { readJson, sendJson } from './http-io';
import type { SimParticipant } from './seed/participant';

export interface SimControls {
  getFaults(): FaultConfig;
  setFaults(faults: FaultConfig): void;
  clearFaults(): void;
  resetLockouts(): void;
  lastOtpFor(kpj: string): string | null;
  resetJournalAnchors(): void;
  resetJournalRecords(): void;
  participants: readonly SimParticipant[];
}

/** Test-only listing: what a tester needs to pick someone (it includes birth dates). */
export function participantListing(participants: readonly SimParticipant[]) {
  return participants.map((participant) => {
    const [year, month, day] = participant.birthDate.split('-');
    return {
      kpj: participant.kpj,
      birthDate: `${day}-${month}-${year}`,
      name: participant.name,
      status: participant.status,
      employer: participant.employer,
      branchOffice: participant.branchOffice,
      currentWage: participant.summary.participant.currentWage,
      closingBalance: participant.summary.jht.closingBalance,
    };
  });
}

/** The control API under /sim/: faults, lockouts, journal anchors, participants. Never exposed beyond loopback. */
export async function handleControl(
  controls: SimControls,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const key = `${request.method} ${url.pathname}`;
  switch (key) {
    case 'GET /sim/faults':
      return sendJson(response, 200, controls.getFaults());
    case 'POST /sim/faults': {
      const parsed = FaultConfig.safeParse(await readJson(request));
      if (!parsed.success) {
        return sendJson(response, 400, {
          code: 'badRequest',
          message: parsed.error.issues
            .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
            .join('; '),
        });
      }
      controls.setFaults(parsed.data);
      return sendJson(response, 200, controls.getFaults());
    }
    case 'DELETE /sim/faults':
      controls.clearFaults();
      return sendJson(response, 200, controls.getFaults());
    case 'DELETE /sim/lockouts':
      controls.resetLockouts();
      return sendJson(response, 200, { reset: true });
    case 'DELETE /sim/journal-anchors':
      controls.resetJournalAnchors();
      return sendJson(response, 200, { reset: true });
    case 'DELETE /sim/journal-records':
      controls.resetJournalRecords();
      return sendJson(response, 200, { reset: true });
    case 'GET /sim/otp': {
      const kpj = url.searchParams.get('kpj') ?? '';
      return sendJson(response, 200, { code: controls.lastOtpFor(kpj) });
    }
    case 'GET /sim/participants':
      return sendJson(response, 200, { participants: participantListing(controls.participants) });
    default:
      return sendJson(response, 404, { code: 'notFound', message: 'no such control endpoint' });
  }
}
