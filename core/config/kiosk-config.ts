import { z } from 'zod';
import { withoutControlCharacters } from '../../devices/common/control-free-path';
import { DevicesConfig } from '../../devices/manager/device-config';
import { DEVICE_NAMES } from '../../devices/drivers/device-slots';
import { DEFAULT_HOST_URL, HostConfig } from '../host/host-config';
import { LogLevel } from '../log/logger';
import { TechnicianPinHash } from '../technician/pin-hash';
import { FdkKey } from '../common/api';
import { Theme } from './theme/theme';
import { IanaTimeZone } from './time-zone';
import { METRICS_DEFAULTS, MetricsConfig } from './metrics-config';

/** The kiosk's configuration file, validated on load. Every field has a sensible default. */
const FdkNumber = z.enum(['1', '2', '3', '4', '5', '6', '7', '8']);

/** A local time of day, `HH:MM` (24 h), in the config's time zone. */
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour (e.g. 05:30)');
/** The end of a window may also be 24:00, the end of the day. */
const EndOfWindow = z.union([z.literal('24:00'), TimeOfDay]);

export const KioskConfig = z
  .object({
    terminalId: z
      .string()
      .regex(/^[A-Z0-9-]{3,20}$/, 'use 3-20 capital letters, digits or dashes')
      .default('KSK-DEV-01'),
    language: z.enum(['id', 'en']).default('id'),
    /**
     * `kiosk`: a BPJS branch kiosk (KPJ and birth date); `atm`: a partner bank's ATM (bank card
     * and card PIN, verified by the bank; see docs/atm-profile.md).
     */
    profile: z.enum(['kiosk', 'atm']).default('kiosk'),
    timeZone: IanaTimeZone.default('Asia/Jakarta'),
    /** See core/host/host-config.ts: https:// (http:// to loopback only), optional TLS files. */
    host: HostConfig.default({ url: DEFAULT_HOST_URL, timeoutMs: 8_000 }),
    session: z
      .object({
        idleTimeoutSeconds: z.number().int().min(21).max(600).default(60),
        /** WCAG 2.2.1: warn at least 20 s before the session ends. */
        idleWarningSeconds: z.number().int().min(20).max(120).default(20),
        maxBirthDateAttempts: z.number().int().min(1).max(10).default(3),
        lockMinutes: z
          .number()
          .min(0.01)
          .max(24 * 60)
          .default(15),
        thankYouSeconds: z.number().int().min(1).max(30).default(5),
      })
      .strict()
      .default({
        idleTimeoutSeconds: 60,
        idleWarningSeconds: 20,
        maxBirthDateAttempts: 3,
        lockMinutes: 15,
        thankYouSeconds: 5,
      }),
    web: z
      .object({
        host: z.literal('127.0.0.1').default('127.0.0.1'),
        port: z.number().int().min(0).max(65_535).default(8080),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 8080 }),
    verification: z
      .object({
        /** After the birth date, also ask for a one-time code sent to the registered phone. */
        otp: z.boolean().default(false),
      })
      .strict()
      .default({ otp: false }),
    /** The ATM profile's card PIN (used only with `profile: "atm"`). */
    atm: z
      .object({
        /** ISO 9564 format 4 (AES DUKPT) by default; format 0 (TDES DUKPT) where the bank uses it. */
        pinBlockFormat: z.enum(['iso4', 'iso0']).default('iso4'),
        pinLength: z
          .object({ min: z.number().int().min(4).max(12), max: z.number().int().min(4).max(12) })
          .strict()
          .refine((length) => length.min <= length.max, 'min must not exceed max')
          .default({ min: 4, max: 6 }),
        pinTimeoutSeconds: z.number().int().min(10).max(300).default(60),
        /**
         * The ATM's function display keys beside the screen, by number (1-4 left, top down; 5-8
         * right), each standing for a pin pad key: `{ "5": "1", "6": "2", "8": "cancel" }`.
         */
        fdks: z.partialRecord(FdkNumber, FdkKey).default({}),
        /** A short tone for each PIN digit typed (the pin pad may beep by itself as well). */
        keyTones: z.boolean().default(false),
        /**
         * Embedded in the ATM's own application: it hands over with the card in the reader and
         * takes the terminal back at the end, card and all (docs/atm-profile.md, "Hand-off").
         */
        handOff: z.boolean().default(false),
      })
      .strict()
      .default({
        pinBlockFormat: 'iso4',
        pinLength: { min: 4, max: 6 },
        pinTimeoutSeconds: 60,
        fdks: {},
        keyTones: false,
        handOff: false,
      }),
    technician: z
      .object({
        /** scrypt hash of the technician PIN (`npm run hash-pin`); null disables technician mode. */
        pinHash: TechnicianPinHash.nullable().default(null),
        /** Screen corners tapped in this order on the start screen open the technician PIN prompt. */
        tapSequence: z
          .array(z.enum(['tl', 'tr', 'bl', 'br']))
          .min(3)
          .max(8)
          .default(['tl', 'tr', 'br', 'bl']),
        maxPinAttempts: z.number().int().min(1).max(10).default(3),
        lockMinutes: z
          .number()
          .min(0.01)
          .max(24 * 60)
          .default(15),
        idleTimeoutSeconds: z.number().int().min(30).max(3600).default(120),
        /**
         * Magstripe cards whose card number starts with these digits are technician cards: a
         * swipe on the start screen opens the PIN prompt. null: technician cards are not used.
         */
        cardPrefix: z
          .string()
          .regex(/^\d{4,12}$/, 'use 4 to 12 digits')
          .nullable()
          .default(null),
        /**
         * The running kiosk's diagnostics socket for `kiosk-diag kiosk status|run` over SSH
         * (Unix socket, owner-only); null: none.
         */
        diagSocket: withoutControlCharacters(z.string().min(1).max(100))
          .nullable()
          .default('.kiosk-data/diag/kiosk-diag.sock'),
      })
      .strict()
      .default({
        diagSocket: '.kiosk-data/diag/kiosk-diag.sock',
        cardPrefix: null,
        pinHash: null,
        tapSequence: ['tl', 'tr', 'br', 'bl'],
        maxPinAttempts: 3,
        lockMinutes: 15,
        idleTimeoutSeconds: 120,
      }),
    journal: z
      .object({
        /** The electronic journal's folder (relative paths are from the working directory). */
        dir: withoutControlCharacters(z.string().min(1)).default('.kiosk-data/journal'),
        capMegabytes: z.number().int().min(1).max(1_000_000).default(512),
        enabled: z.boolean().default(true),
        /**
         * Send the journal head (last seq and hash) to the host at most once every this many
         * seconds after records are written, and at stop, so `kiosk-diag journal verify --anchor
         * host` catches a journal cut short or re-hashed on the kiosk. 0: not sent.
         */
        anchorSeconds: z.number().int().min(0).max(86_400).default(300),
        /**
         * Ship the journal to the host after each anchor (docs/journal.md): on whenever anchoring
         * is (anchorSeconds > 0) unless `enabled` is false.
         */
        ship: z
          .object({
            enabled: z.boolean().default(true),
            /** Records per batch; the host takes at most 1000 (and 256 KiB) at a time. */
            batchRecords: z.number().int().min(1).max(1000).default(500),
            /** Longest wait between tries while the host cannot be reached (doubling from 1 s). */
            retryMaxSeconds: z.number().int().min(1).max(3600).default(300),
          })
          .strict()
          .default({ enabled: true, batchRecords: 500, retryMaxSeconds: 300 }),
      })
      .strict()
      .default({
        dir: '.kiosk-data/journal',
        capMegabytes: 512,
        enabled: true,
        anchorSeconds: 300,
        ship: { enabled: true, batchRecords: 500, retryMaxSeconds: 300 },
      }),
    /**
     * When the kiosk is out of service (docs/self-healing.md, "Out of service"): the host does not
     * answer its health probe, the journal cannot be written, or a device named here is down.
     */
    service: z
      .object({
        /** Device slots the kiosk cannot serve without (each must be in `devices`). */
        requiredDevices: z.array(z.enum(DEVICE_NAMES as [string, ...string[]])).default([]),
        /** How long a required device may be down (a reconnect, a reboot) before it counts. */
        deviceGraceSeconds: z.number().int().min(0).max(3_600).default(60),
        /** Time between health probes of the host while it answers. */
        hostProbeSeconds: z.number().int().min(1).max(3_600).default(30),
        /** Time between probes once one failed (back in service that soon after the host). */
        hostRetrySeconds: z.number().int().min(1).max(600).default(5),
        /** Failed probes in a row before the host counts as unreachable. */
        hostFailuresToLeave: z.number().int().min(1).max(20).default(2),
      })
      .strict()
      .default({
        requiredDevices: [],
        deviceGraceSeconds: 60,
        hostProbeSeconds: 30,
        hostRetrySeconds: 5,
        hostFailuresToLeave: 2,
      }),
    /** Work done only while nobody is served (docs/self-healing.md, "Idle-only maintenance"); null: none. */
    maintenance: z
      .object({
        /** A clean restart once a day at this local time, as soon as no session is open. */
        dailyRestartAt: TimeOfDay.nullable().default(null),
        /** Outside opening hours the screen goes dark at rest; a touch or key wakes it. */
        displayOff: z
          .object({ from: TimeOfDay, to: EndOfWindow })
          .strict()
          .nullable()
          .default(null),
      })
      .strict()
      .default({ dailyRestartAt: null, displayOff: null }),
    log: z
      .object({
        level: LogLevel.default('info'),
      })
      .strict()
      .default({ level: 'info' }),
    /** The Prometheus endpoint (docs/metrics.md); off by default, loopback only without auth. */
    metrics: MetricsConfig.default(METRICS_DEFAULTS),
    /** Real or simulated devices; absent: no devices (screen only). See docs/devices.md. */
    devices: DevicesConfig.optional(),
    /** A partner bank's branding (docs/themes/README.md); absent: the kiosk's own look. */
    theme: Theme.optional(),
  })
  .strict()
  .refine((c) => !c.theme || c.theme.languages.includes(c.language), {
    message: 'the default language must be one of theme.languages',
    path: ['language'],
  })
  .refine(
    (c) => c.service.requiredDevices.every((name) => c.devices?.[name as keyof typeof c.devices]),
    {
      message: 'every device in service.requiredDevices must be configured in devices',
      path: ['service', 'requiredDevices'],
    },
  )
  .refine(
    (c) =>
      !c.maintenance.displayOff || c.maintenance.displayOff.from !== c.maintenance.displayOff.to,
    {
      message: 'maintenance.displayOff.from and .to must differ',
      path: ['maintenance', 'displayOff'],
    },
  )
  .refine((c) => c.session.idleWarningSeconds < c.session.idleTimeoutSeconds, {
    message: 'session.idleWarningSeconds must be less than session.idleTimeoutSeconds',
    path: ['session', 'idleWarningSeconds'],
  });

export type KioskConfig = z.infer<typeof KioskConfig>;
export type KioskConfigInput = z.input<typeof KioskConfig>;
