import packageJson from '../../package.json' with { type: 'json' };

/** The kiosk software version, as journaled at start-up and shown to technicians. */
export const KIOSK_VERSION: string = packageJson.version;
