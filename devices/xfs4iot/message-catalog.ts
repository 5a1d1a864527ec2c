/**
 * The XFS4IoT messages this kiosk sends or reads, with the version each is written in, as the
 * reference declares it (`[XFS4Version(Version = ...)]` in KAL SP-Dev's Framework/Core/<Interface>/
 * {Commands,Completions,Events}/<Name>_g.cs). The conformance test checks these against the schemas
 * derived from those files, and the simulators answer in the same versions.
 */
export const COMMAND_VERSIONS = {
  'ServicePublisher.GetServices': '2.0',
  'Common.Status': '2.0',
  'Common.Capabilities': '2.0',
  'Common.Cancel': '2.0',
  'CardReader.ReadRawData': '2.0',
  'CardReader.Move': '2.0',
  'CardReader.Reset': '2.0',
  'Keyboard.DataEntry': '2.0',
  'Keyboard.PinEntry': '2.0',
  'Keyboard.Reset': '2.0',
  'PinPad.GetPinBlock': '2.0',
  'Printer.PrintRaw': '3.0',
  'Printer.LoadDefinition': '2.0',
  'Printer.PrintForm': '3.0',
  'Printer.ControlMedia': '3.0',
  'Printer.Reset': '3.0',
  'BarcodeReader.Read': '2.0',
  'BarcodeReader.Reset': '2.0',
} as const;
export type CommandName = keyof typeof COMMAND_VERSIONS;

export const COMPLETION_VERSIONS: Record<CommandName, string> = {
  'ServicePublisher.GetServices': '2.0',
  'Common.Status': '3.0',
  'Common.Capabilities': '3.0',
  'Common.Cancel': '2.0',
  'CardReader.ReadRawData': '3.0',
  'CardReader.Move': '2.0',
  'CardReader.Reset': '2.0',
  'Keyboard.DataEntry': '2.0',
  'Keyboard.PinEntry': '2.0',
  'Keyboard.Reset': '2.0',
  'PinPad.GetPinBlock': '3.0',
  'Printer.PrintRaw': '3.0',
  'Printer.LoadDefinition': '2.0',
  'Printer.PrintForm': '3.0',
  'Printer.ControlMedia': '2.0',
  'Printer.Reset': '2.0',
  'BarcodeReader.Read': '3.0',
  'BarcodeReader.Reset': '2.0',
};

export const EVENT_VERSIONS = {
  'Common.StatusChangedEvent': '3.0',
  'ServicePublisher.ServiceDetailEvent': '2.0',
  'CardReader.MediaInsertedEvent': '2.0',
  'CardReader.MediaRemovedEvent': '2.0',
  'CardReader.InvalidMediaEvent': '2.0',
  'CardReader.MediaDetectedEvent': '2.0',
  'CardReader.InsertCardEvent': '2.0',
  'CardReader.CardActionEvent': '2.0',
  'Keyboard.KeyEvent': '2.0',
  'Keyboard.EnterDataEvent': '2.0',
  'KeyManagement.DUKPTKSNEvent': '3.0',
  'Printer.MediaTakenEvent': '2.0',
  'Printer.MediaPresentedEvent': '2.0',
  'Printer.NoMediaEvent': '2.0',
  'Printer.PaperThresholdEvent': '2.0',
} as const;
export type EventName = keyof typeof EVENT_VERSIONS;

/** XFS4IoT interfaces the kiosk's drivers use, as message names start (`CardReader.Move`). */
export type InterfaceName =
  'Common' | 'CardReader' | 'Keyboard' | 'PinPad' | 'Crypto' | 'Printer' | 'BarcodeReader';

/**
 * The interface as Common.Capabilities `interfaces[].name` spells it: an enum value, so camel
 * case (`cardReader`; InterfaceClass.NameEnum in CommonSchemas_g.cs).
 */
export const interfaceOnWire = (name: InterfaceName): string =>
  name.charAt(0).toLowerCase() + name.slice(1);

/** The interface a Common.Capabilities `interfaces[].name` stands for, if the kiosk knows it. */
export function interfaceFromWire(wire: string): InterfaceName | undefined {
  const known: readonly InterfaceName[] = [
    'Common',
    'CardReader',
    'Keyboard',
    'PinPad',
    'Crypto',
    'Printer',
    'BarcodeReader',
  ];
  return known.find((name) => interfaceOnWire(name) === wire);
}
