import type { Language } from '../common/api';

/**
 * What a technician test or port-setup step found, as a code and its figures. The words are
 * chosen here in the language asked for: the screen's language for the technician screen,
 * English for kiosk-diag and logs. `reason` is the device's or system's own description (a
 * driver's error text), shown as it came.
 */
export type TechnicianMessage =
  | { code: 'noDeviceLayer' }
  | { code: 'hostReachable'; medianMs: number; minMs: number; maxMs: number }
  | { code: 'hostUnreachable'; kind: string; url: string }
  | { code: 'devicesConfigured'; count: number }
  | { code: 'notConfigured'; device: string }
  | { code: 'unknownDevice'; device: string }
  | { code: 'notAnAction'; action: string }
  | { code: 'testPagePrinted'; bytes: number }
  | { code: 'testPageFailed'; reason: string }
  | { code: 'cardRead'; kind: 'kpj' | 'bank'; masked: string; tracks: string }
  | { code: 'cardReadFailed'; reason: string }
  | { code: 'keysReceived'; keys: string }
  | { code: 'keypadFailed'; reason: string }
  | { code: 'noPinFormat' }
  | { code: 'pinEntered'; digits: number; format: number; scheme: string }
  | { code: 'pinEntryFailed'; reason: string }
  | { code: 'scanned'; masked: string; source: string; symbology: string }
  | { code: 'scanFailed'; reason: string }
  | { code: 'deviceReopened'; device: string }
  | { code: 'resetFailed'; device: string; reason: string }
  | { code: 'portsFound'; count: number; device: string; current: string }
  | { code: 'noPortsFound'; device: string; errors: string[] }
  | { code: 'portNotChangeable'; device: string }
  | { code: 'openPortSetupFirst' }
  | { code: 'notAFoundPort'; port: string }
  | { code: 'portInUse'; port: string; device: string }
  | { code: 'deviceAnswersOn'; device: string; port: string }
  | { code: 'moveFailed'; reason: string }
  | { code: 'nothingToSave' }
  | { code: 'noConfigFile' }
  | { code: 'portSaved'; device: string; port: string; path: string; previousPath: string }
  | { code: 'notSaved'; reason: string }
  | { code: 'movedBack'; device: string; port: string }
  | { code: 'portSetupClosed' }
  | { code: 'actionFailed'; reason: string };

type Code = TechnicianMessage['code'];
type Texts = { [C in Code]: (m: Extract<TechnicianMessage, { code: C }>) => string };

const DEVICE_NAMES: Record<Language, Record<string, string>> = {
  id: {
    printer: 'Printer struk',
    cardReader: 'Pembaca kartu',
    pinPad: 'Pin pad',
    scanner: 'Pemindai',
  },
  en: {
    printer: 'Receipt printer',
    cardReader: 'Card reader',
    pinPad: 'Pin pad',
    scanner: 'Scanner',
  },
};

/** `Card reader` for `cardReader`; an unknown name as it is. */
export const deviceName = (device: string, language: Language): string =>
  DEVICE_NAMES[language][device] ?? device;

const TEXTS: Record<Language, Texts> = {
  id: {
    noDeviceLayer: () => 'Kiosk ini tidak memiliki lapisan perangkat.',
    hostReachable: (m) =>
      `Host terjangkau: median ${m.medianMs} ms dari 3 percobaan (${m.minMs}-${m.maxMs} ms)`,
    hostUnreachable: (m) => `Host tidak terjangkau (${m.kind}) di ${m.url}`,
    devicesConfigured: (m) => `${m.count} perangkat dikonfigurasi`,
    notConfigured: (m) => `${deviceName(m.device, 'id')} tidak dikonfigurasi.`,
    unknownDevice: (m) => `Perangkat tidak dikenal: ${m.device || '(tidak ada)'}`,
    notAnAction: (m) => `Bukan tindakan perangkat: ${m.action}`,
    testPagePrinted: (m) => `Halaman tes tercetak (${m.bytes} byte).`,
    testPageFailed: (m) => `Halaman tes gagal: ${m.reason}`,
    cardRead: (m) =>
      `Kartu ${m.kind === 'kpj' ? 'KPJ' : 'bank'} ${m.masked} terbaca, trek ${m.tracks}`,
    cardReadFailed: (m) => `Kartu tidak terbaca: ${m.reason}`,
    keysReceived: (m) => `Tombol diterima: ${m.keys}`,
    keypadFailed: (m) => `Tidak ada tombol: ${m.reason}`,
    noPinFormat: () => 'Pin pad tidak menawarkan format blok PIN.',
    pinEntered: (m) =>
      `PIN ${m.digits} digit dimasukkan; blok PIN ISO 9564 format ${m.format} dengan ${m.scheme} diterima.`,
    pinEntryFailed: (m) => `Tidak ada PIN yang dimasukkan: ${m.reason}`,
    scanned: (m) => `Terpindai ${m.masked} (${m.source}, ${m.symbology})`,
    scanFailed: (m) => `Pindai gagal: ${m.reason}`,
    deviceReopened: (m) => `${deviceName(m.device, 'id')} dibuka ulang.`,
    resetFailed: (m) => `${deviceName(m.device, 'id')} tidak dapat dibuka ulang: ${m.reason}`,
    portsFound: (m) => `${m.count} port ditemukan untuk ${m.device} (sekarang di ${m.current}).`,
    noPortsFound: (m) =>
      `Tidak ada port ditemukan untuk ${m.device}${m.errors.length ? `: ${m.errors.join('; ')}` : '.'}`,
    portNotChangeable: (m) =>
      `${m.device} adalah perangkat jaringan: ubah alamatnya di berkas konfigurasi.`,
    openPortSetupFirst: () => 'Buka dulu pengaturan port sebuah perangkat.',
    notAFoundPort: (m) => `Bukan port yang ditemukan: ${m.port || '(tidak ada)'}`,
    portInUse: (m) => `${m.port} dipakai ${m.device}.`,
    deviceAnswersOn: (m) =>
      `${m.device} menjawab di ${m.port}. Simpan agar tetap dipakai setelah mulai ulang.`,
    moveFailed: (m) => `Tidak dapat dipindah: ${m.reason}`,
    nothingToSave: () => 'Tidak ada yang disimpan: pilih port dulu.',
    noConfigFile: () => 'Kiosk ini berjalan tanpa berkas konfigurasi: tidak ada tempat menyimpan.',
    portSaved: (m) =>
      `Tersimpan: ${m.device} di ${m.port} dalam ${m.path} (berkas sebelumnya disimpan sebagai ${m.previousPath}).`,
    notSaved: (m) => `Tidak tersimpan: ${m.reason}`,
    movedBack: (m) => `Tidak disimpan: ${m.device} kembali ke ${m.port}.`,
    portSetupClosed: () => 'Pengaturan port ditutup.',
    actionFailed: (m) => `Gagal: ${m.reason}`,
  },
  en: {
    noDeviceLayer: () => 'No device layer is configured on this kiosk.',
    hostReachable: (m) => `Host reachable: ${m.medianMs} ms median of 3 (${m.minMs}-${m.maxMs} ms)`,
    hostUnreachable: (m) => `Host not reachable (${m.kind}) at ${m.url}`,
    devicesConfigured: (m) => `${m.count} device(s) configured`,
    notConfigured: (m) => `No ${deviceName(m.device, 'en').toLowerCase()} is configured.`,
    unknownDevice: (m) => `Unknown device: ${m.device || '(none)'}`,
    notAnAction: (m) => `Not a device action: ${m.action}`,
    testPagePrinted: (m) => `Test page printed (${m.bytes} bytes).`,
    testPageFailed: (m) => `Test page failed: ${m.reason}`,
    cardRead: (m) => `${m.kind === 'kpj' ? 'KPJ' : 'Bank'} card ${m.masked}, tracks ${m.tracks}`,
    cardReadFailed: (m) => `No good read: ${m.reason}`,
    keysReceived: (m) => `Keys received: ${m.keys}`,
    keypadFailed: (m) => `No keys: ${m.reason}`,
    noPinFormat: () => 'The pin pad offers no PIN block format.',
    pinEntered: (m) =>
      `PIN of ${m.digits} digits entered; ISO 9564 format ${m.format} PIN block under ${m.scheme} received.`,
    pinEntryFailed: (m) => `No PIN entered: ${m.reason}`,
    scanned: (m) => `Scanned ${m.masked} (${m.source}, ${m.symbology})`,
    scanFailed: (m) => `No good scan: ${m.reason}`,
    deviceReopened: (m) => `${deviceName(m.device, 'en')} reopened.`,
    resetFailed: (m) => `${deviceName(m.device, 'en')} could not be reopened: ${m.reason}`,
    portsFound: (m) => `${m.count} port(s) found for ${m.device} (now on ${m.current}).`,
    noPortsFound: (m) =>
      `No ports found for ${m.device}${m.errors.length ? `: ${m.errors.join('; ')}` : '.'}`,
    portNotChangeable: (m) =>
      `${m.device} is a network device: change its address in the config file.`,
    openPortSetupFirst: () => 'Open the port setup of a device first.',
    notAFoundPort: (m) => `Not a port that was found: ${m.port || '(none)'}`,
    portInUse: (m) => `${m.port} is in use by ${m.device}.`,
    deviceAnswersOn: (m) => `${m.device} answers on ${m.port}. Save to keep it after a restart.`,
    moveFailed: (m) => `Not moved: ${m.reason}`,
    nothingToSave: () => 'Nothing to save: choose a port first.',
    noConfigFile: () => 'This kiosk runs without a config file: nothing to save to.',
    portSaved: (m) =>
      `Saved: ${m.device} on ${m.port} in ${m.path} (previous file kept as ${m.previousPath}).`,
    notSaved: (m) => `Not saved: ${m.reason}`,
    movedBack: (m) => `Not saved: ${m.device} moved back to ${m.port}.`,
    portSetupClosed: () => 'Port setup closed.',
    actionFailed: (m) => `Failed: ${m.reason}`,
  },
};

/** The message in the technician's words. */
export function technicianMessageText(message: TechnicianMessage, language: Language): string {
  const text = TEXTS[language][message.code] as (m: TechnicianMessage) => string;
  return text(message);
}
