import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_PATH, sessionDiagramDoc } from './session-diagram';

describe('docs/session-machine.md', () => {
  it('is the diagram of the machines as they are (else run npm run diagram)', () => {
    expect(readFileSync(DIAGRAM_PATH, 'utf8')).toBe(sessionDiagramDoc());
  });

  it('shows every screen-bearing state, the shared transitions and the verification child', () => {
    const doc = sessionDiagramDoc();
    expect(doc).toContain('session_visit --> session_thankYou: cancel');
    expect(doc).toContain('session_visit --> session_attract: timeout');
    expect(doc).toContain('session_visit_served --> session_thankYou: finish');
    expect(doc).toContain('state "locked: takesKeys" as session_visit_locked');
    expect(doc).toContain(
      'verification_birthDate --> verification_checkingBirthDate: enter [birthDateAcceptable]',
    );
  });
});
