import type { DeviceManager } from '../../devices/manager/device-manager';
import type { AdapterLogger, BrainPort } from './brain-port';
import { wireIdentification, type BankCardHolder } from './identification-adapter';
import { wirePinPadKeys } from './pinpad-keys-adapter';

/** Connects the device manager's input devices to the brain; returns the unwiring. */
export function wireDevicesToBrain(
  brain: BrainPort,
  manager: Pick<DeviceManager, 'cardReader' | 'scanner' | 'pinPad'>,
  logger: AdapterLogger,
  options: {
    technicianCardPrefix?: string | null;
    bankCards?: BankCardHolder | null;
    /** FDK number -> the pin pad key it stands for. */
    fdks?: Partial<Record<string, string>>;
  } = {},
): () => void {
  const offs = [
    wireIdentification(
      brain,
      { cardReader: manager.cardReader, scanner: manager.scanner },
      logger,
      options,
    ),
  ];
  if (manager.pinPad)
    offs.push(wirePinPadKeys(brain, manager.pinPad, logger, { fdks: options.fdks ?? {} }));
  return () => {
    for (const off of offs) off();
  };
}
