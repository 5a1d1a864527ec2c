const MONTHS_ID = 'Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des'.split(' ');

/** Bahasa Indonesia: the default catalog and the source of every message key. */
import type { CapabilityName } from '../../../core/common/api';
import { actionInWords } from './action-words';

const CAPABILITY_WORDS: Record<CapabilityName, string> = {
  commandLanguage: 'Bahasa perintah',
  printerModel: 'Model printer',
  columns: 'Kolom',
  qrCode: 'Cetak kode QR',
  cutter: 'Pemotong kertas',
  statusQuery: 'Tanya status',
  paperNearEndSensor: 'Sensor kertas hampir habis',
  mediaTakenSensor: 'Sensor struk diambil',
  readTracks: 'Baca trek',
  mode: 'Mode',
  mediaSensor: 'Sensor kartu',
  lrcCheck: 'Cek LRC',
  chip: 'Baca chip',
  holdsCard: 'Menahan kartu sampai sesi selesai',
  payloads: 'Isi kode',
  aimIdentifiers: 'Pengenal AIM',
  plainEntry: 'Input angka biasa',
  pinEntry: 'Input PIN terenkripsi',
  pinFormats: 'Format blok PIN',
  dukpt: 'Skema DUKPT',
  model: 'Model',
};

export const id = {
  brand: 'BPJS Ketenagakerjaan',
  languageName: 'Bahasa Indonesia',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  attractTitle: 'Cek Saldo JHT',
  attractSubtitle: 'Lihat saldo Jaminan Hari Tua dan program Anda dalam satu menit.',
  attractStart: 'Mulai',
  attractHint: 'Siapkan Nomor KPJ (11 digit) dan tanggal lahir Anda.',
  keypadLegendTitle: 'Dengan keypad',
  keypadLegendStart: 'Mulai',
  keypadLegendVoice: 'Panduan suara nyala / mati',
  keypadLegendRepeat: 'Ulangi',
  keypadLegendLanguage: 'Ganti bahasa',
  enterKpjTitle: 'Masukkan Nomor KPJ',
  enterKpjHelp: 'Nomor KPJ terdiri dari 11 digit, tertera pada kartu peserta.',
  kpjFieldLabel: 'Nomor KPJ',
  enterBirthDateTitle: 'Masukkan Tanggal Lahir (DD-MM-YYYY)',
  enterBirthDateHelp: 'Contoh: 07-03-1990 diketik 07031990.',
  birthDateFieldLabel: 'Tanggal lahir',
  digitsOf: (length: number, max: number) => `${length} dari ${max} digit`,
  keyBackspace: 'Hapus 1',
  keyClear: 'Hapus Semua',
  next: 'Lanjut',
  back: 'Kembali',
  cancel: 'Batal',
  finish: 'Selesai',
  tryAgain: 'Coba Lagi',
  loading: 'Mohon tunggu, transaksi sedang diproses',
  balanceTitle: 'Saldo JHT',
  balanceAsOf: (date: string) => `Per ${date}`,
  participant: 'Peserta',
  kpjNumber: 'Nomor KPJ',
  membershipStatus: 'Status Kepesertaan',
  statusActive: 'Aktif',
  statusInactive: 'Nonaktif',
  inactiveNote:
    'Kepesertaan tidak aktif: iuran tidak lagi dibayarkan. Saldo tetap tersimpan dan berkembang.',
  employer: 'Nama Pemberi Kerja',
  branchOffice: 'Kantor Cabang',
  membershipStart: 'Mulai Kepesertaan',
  lastContribution: 'Iuran Terakhir',
  noContribution: 'Belum ada',
  openingBalance: 'Saldo Awal',
  employerContributions: 'Iuran Pemberi Kerja',
  workerContributions: 'Iuran Tenaga Kerja',
  developmentReturns: 'Hasil Pengembangan',
  closingBalance: 'Saldo Akhir',
  jhtDetails: 'Rincian Saldo JHT',
  otherPrograms: 'Program Lain',
  programJP: 'Jaminan Pensiun (JP)',
  programJKK: 'Jaminan Kecelakaan Kerja (JKK)',
  programJKM: 'Jaminan Kematian (JKM)',
  programJKP: 'Jaminan Kehilangan Pekerjaan (JKP)',
  covered: 'Terlindungi',
  notCovered: 'Tidak terlindungi',
  jpMonths: (months: number) => `${months} bulan iuran`,
  errorTitle: 'Maaf, transaksi tidak dapat dilanjutkan',
  errorInvalidKpj: 'Nomor KPJ harus 11 digit. Periksa kembali nomor Anda.',
  errorInvalidBirthDate:
    'Tanggal itu tidak ada di kalender. Periksa hari dan bulan (Februari paling banyak 29 hari).',
  errorNotFound: 'Nomor KPJ tidak terdaftar. Periksa kembali nomor pada kartu Anda.',
  errorVerificationFailed: (left: number) =>
    left === 1
      ? 'Tanggal lahir salah. Sisa 1 kali percobaan.'
      : `Tanggal lahir salah. Sisa ${left} kali percobaan.`,
  errorHostUnavailable: 'Layanan sedang tidak tersedia. Silakan coba beberapa saat lagi.',
  errorOutOfService:
    'Kios ini baru saja tidak dapat melayani, sehingga layanan Anda berakhir di sini. Silakan gunakan aplikasi JMO atau kios lain, atau hubungi Call Center 175.',
  errorHostTimeout: 'Layanan tidak menjawab tepat waktu. Silakan coba lagi.',
  errorHostMalformed: 'Terjadi gangguan pada layanan. Silakan coba lagi nanti.',
  errorSessionExpired: 'Sesi Anda telah berakhir. Silakan mulai lagi.',
  errorHelp: 'Butuh bantuan? Hubungi petugas atau Call Center 175.',
  lockedTitle: 'Akses dikunci sementara',
  lockedBody: (time: string, zone: string) =>
    `Terlalu banyak percobaan tanggal lahir yang salah. Silakan coba lagi setelah pukul ${time} ${zone}.`,
  screenOffBody:
    'Kios beristirahat di luar jam layanan. Sentuh layar atau tekan tombol untuk memulai.',
  outOfServiceTitle: 'Kios ini untuk sementara tidak dapat melayani',
  outOfServiceBody:
    'Mohon maaf, layanan di kios ini sedang tidak tersedia. Silakan gunakan kios lain atau aplikasi JMO, atau hubungi petugas (Call Center 175).',
  thankYouTitle: 'Terima kasih',
  thankYouBody: 'Data Anda telah dihapus dari layar ini. Informasi lebih lanjut: Call Center 175.',
  idleTitle: 'Waktu hampir habis',
  idleBody: (seconds: number) => `Sesi akan berakhir dalam ${seconds} detik.`,
  idleMore: 'Tambah Waktu',
  idleSpokenHint: 'Tekan Enter untuk menambah waktu.',
  terminal: (id: string) => `Terminal ${id}`,
  connecting: 'Menghubungkan…',
  menuHistory: 'Rincian Iuran',
  menuProjection: 'Simulasi JHT',
  menuHint: 'Sentuh pilihan, atau tekan angkanya pada keypad.',
  // History (issue 11, history slice): six months a page, paged by buttons or 4 / 6, retried by 1.
  historyTitle: 'Rincian Iuran',
  historySubtitle: (newest: string, oldest: string, page: number, pages: number) =>
    `${newest} sampai ${oldest}, terbaru di atas · halaman ${page} dari ${pages}`,
  historyLoading: 'Memuat rincian iuran…',
  historyFailed: 'Rincian iuran tidak dapat dimuat saat ini.',
  historyFailedHelp: 'Coba lagi sekarang, atau kembali ke saldo.',
  historyEmpty: 'Belum ada iuran dalam 24 bulan terakhir.',
  historyGaps: (missing: number, months: number) =>
    `${missing} dari ${months} bulan tanpa iuran (ditandai di tabel).`,
  historyNoGaps: (months: number) => `Tidak ada bulan yang terlewat dalam ${months} bulan.`,
  colMonth: 'BL-TH',
  colJht: 'Iuran JHT',
  colJp: 'Iuran JP',
  historyColumnsNote: 'Iuran pemberi kerja + tenaga kerja per bulan.',
  noContributionMark: 'tidak ada iuran',
  historyPrevious: 'Sebelumnya',
  historyNext: 'Berikutnya',
  historyPreviousWhat: 'bulan lebih baru',
  historyNextWhat: 'bulan lebih lama',
  historyAtNewest: 'sudah yang terbaru',
  historyAtOldest: 'tidak ada yang lebih lama',
  historyPagesLabel: 'Halaman rincian iuran',
  historySpokenRow: (month: string, jht: string, jp: string) => `${month}: JHT ${jht}, JP ${jp}.`,
  projectionTitle: 'Simulasi JHT',
  projectionResult: (years: number, age: number) =>
    years > 0
      ? `Perkiraan saldo JHT pada usia ${age} tahun (${years} tahun lagi)`
      : `Usia pensiun JHT sudah tercapai: saldo saat ini`,
  projectionWage: 'Upah per bulan',
  projectionYears: 'Lama (tahun)',
  projectionYearsValue: (years: number) => `${years} tahun`,
  projectionCurrent: 'Saldo JHT saat ini',
  projectionReturn: 'Hasil pengembangan per tahun',
  projectionContributions: 'Total iuran',
  projectionReturns: 'Total hasil pengembangan',
  projectionRetirement: (age: number) => `Usia Pensiun ${age} tahun`,
  projectionChange: 'Ubah',
  projectionApply: 'Terapkan',
  projectionEditWage: (min: string, max: string) => `Ketik upah per bulan (${min} – ${max})`,
  projectionEditYears: (min: number, max: number) =>
    `Ketik lama simulasi (${min}–${max} tahun, sampai usia pensiun)`,
  projectionDisclaimer:
    'Simulasi ini hanya perkiraan dengan rumus resmi dan hasil pengembangan 5% per tahun. Hasil sebenarnya dapat berbeda.',
  chartBalanceByYear: 'Saldo JHT per tahun',
  yearN: (n: number) => `Tahun ${n}`,
  menuPrint: 'Cetak Struk',
  printUnavailable: 'Struk tidak dapat dicetak saat ini',
  printerPaperOut: 'Kertas struk habis.',
  printerCoverOpen: 'Penutup printer terbuka.',
  printerOffline: 'Printer tidak terhubung.',
  printerHardwareError: 'Printer mengalami gangguan.',
  printerBusy: 'Printer sedang sibuk.',
  printerPaperLow: 'Kertas struk hampir habis.',
  screenOnlyHint: 'Saldo tetap dapat Anda lihat di layar ini.',
  printingTitle: 'Mencetak struk…',
  printingBody: 'Mohon tunggu, struk sedang dicetak.',
  takeReceiptTitle: 'Silakan ambil struk Anda',
  receiptReference: (ref: string) => `Nomor referensi: ${ref}`,
  printFailedTitle: 'Struk gagal dicetak',
  printFailedNext: 'Saldo Anda tetap dapat dilihat di layar. Laporkan ke petugas bila perlu.',
  viewOnScreen: 'Lihat di Layar',
  anotherTitle: 'Apakah Anda ingin melakukan transaksi lain?',
  yes: 'Ya',
  no: 'Tidak',
  takeCard: 'Silakan ambil kartu Anda.',
  techPinTitle: 'Mode Teknisi',
  techPinPrompt: 'Masukkan PIN teknisi',
  techPinWrong: (left: number) => `PIN salah. Sisa ${left} kali percobaan.`,
  techLocked: (time: string, zone: string) => `Mode teknisi dikunci sampai pukul ${time} ${zone}.`,
  techChecking: 'Memeriksa PIN…',
  techTitle: 'Diagnostik Perangkat',
  techDevice: 'Perangkat',
  techState: 'Status',
  techDriver: 'Driver / Port',
  techCounters: 'Penghitung',
  techLastError: 'Galat terakhir',
  techNoDevices: 'Tidak ada perangkat yang dikonfigurasi.',
  techTestHost: 'Tes Koneksi Host',
  techReset: 'Reset',
  techRefresh: 'Muat Ulang',
  techExit: 'Keluar',
  techInfo: 'Info Kiosk',
  techVersion: 'Versi',
  techUptime: 'Waktu aktif',
  techConfig: 'Berkas konfigurasi',
  techHost: 'Host',
  techJournal: 'Jurnal',
  techFree: (gb: string) => `${gb} GB kosong`,
  techJournalUnwritable: (cause: string) => `tidak dapat ditulis (${cause}): tidak melayani`,
  techRunning: 'Menjalankan tes…',
  techChangePort: 'Ganti Port',
  techPortTitle: (device: string) => `Port ${device}`,
  techPortNow: (port: string) => `Sekarang: ${port}`,
  techPortHint:
    'Pilih port tempat perangkat dicolokkan. Perangkat dicoba di sana dan dipakai hanya jika menjawab.',
  techPortCurrent: 'dipakai sekarang',
  techPortInUse: (device: string) => `dipakai ${device}`,
  techPortNone: 'Tidak ada port yang ditemukan.',
  techPortSave: 'Simpan ke Konfigurasi',
  techPortClose: 'Tutup',
  techPortUnsaved: 'Belum disimpan: saat ditutup, perangkat kembali ke port sebelumnya.',
  techPortSaved: (path: string) => `Tersimpan di ${path}.`,
  // slice tech (issue 11): times in the configured zone, capabilities in words
  techEvents: (zone: string) => `Peristiwa Perangkat (${zone})`,
  techCapability: (name: string) => CAPABILITY_WORDS[name as CapabilityName] ?? name,
  enterOtpTitle: 'Masukkan Kode OTP',
  otpSentTo: (destination: string) => `Kode OTP telah dikirim ke ${destination}`,
  otpFieldLabel: 'Kode OTP (6 digit)',
  otpExpiresIn: (seconds: number) => `Kode berlaku ${seconds} detik lagi.`,
  otpResend: 'Kirim Ulang Kode',
  otpResendIn: (seconds: number) => `Kirim ulang dalam ${seconds} detik`,
  errorOtpFailed: (left: number) =>
    left > 0 ? `Kode OTP salah. Sisa ${left} kali percobaan.` : 'Kode OTP harus 6 digit.',
  errorOtpExpired: 'Kode OTP sudah kedaluwarsa. Sentuh "Kirim Ulang Kode".',
  errorOtpTooSoon: 'Kode baru dapat dikirim setelah hitungan mundur selesai.',
  speechOn: 'Panduan Suara',
  speechOnLabel: 'Nyalakan panduan suara',
  speechOff: 'Matikan Suara',
  speechRepeat: 'Ulangi',
  speechLouder: 'Suara lebih keras',
  speechQuieter: 'Suara lebih pelan',
  speechVolume: (percent: number) => `Volume ${percent}%`,
  speechKeypadHint:
    'Gunakan keypad: angka, Enter untuk lanjut, tombol panah kiri untuk menghapus semua angka, Batal untuk berhenti, pagar untuk mengulang, bintang untuk ganti bahasa, plus dan minus untuk volume.',
  // Slice "away": the brain went away (renderer/src/components/ConnectionLost.svelte), and
  // the keypad's delete keys as screen readers name them (the symbol is not read).
  connectionLostTitle: 'Layanan terputus sebentar',
  connectionLostBody:
    'Data Anda sudah dihapus dari layar. Mohon tunggu, kios sedang menyambung kembali.',
  keyBackspaceName: 'Hapus 1 angka',
  keyClearName: 'Hapus semua angka',
  // forgive slice: specific entry errors, card and scan messages, identification hints.
  errorEntryIncomplete: (field: 'kpj' | 'birthDate' | 'otp' | 'wage' | 'years', missing: number) =>
    field === 'kpj'
      ? `Nomor KPJ belum lengkap: kurang ${missing} digit lagi.`
      : field === 'birthDate'
        ? `Tanggal lahir belum lengkap: kurang ${missing} digit lagi (hari, bulan, tahun).`
        : field === 'otp'
          ? `Kode OTP belum lengkap: kurang ${missing} digit lagi.`
          : field === 'wage'
            ? 'Ketik upah per bulan terlebih dahulu.'
            : 'Ketik lama simulasi dalam tahun terlebih dahulu.',
  errorBirthDateInFuture: 'Tanggal lahir tidak boleh setelah hari ini. Periksa tahunnya.',
  errorBirthDateAge: (min: number, max: number) =>
    `Dengan tanggal lahir ini usia Anda di luar ${min}–${max} tahun. Periksa tahunnya.`,
  errorWageOutOfRange: (min: string, max: string) =>
    `Upah per bulan harus antara ${min} dan ${max}.`,
  errorYearsOutOfRange: (min: number, max: number) =>
    `Lama simulasi ${min} sampai ${max} tahun: simulasi berhenti pada usia pensiun.`,
  errorCardNotKpj:
    'Ini bukan kartu BPJS Ketenagakerjaan. Gunakan kartu peserta KPJ, QR kartu digital JMO, atau ketik Nomor KPJ.',
  errorCardUnreadable:
    'Kartu tidak dapat dibaca. Gesek sekali lagi dengan satu gerakan lancar, atau ketik Nomor KPJ.',
  errorScanNotKpj:
    'Kode ini bukan kartu digital JMO. Buka kartu digital di aplikasi JMO dan pindai lagi, atau ketik Nomor KPJ.',
  identityCardRead: (maskedKpj: string) => `Kartu terbaca: ${maskedKpj}`,
  identityTyped: (maskedKpj: string) => `Nomor KPJ: ${maskedKpj}`,
  cardReadSpoken: 'Kartu terbaca.',
  identifyHintsTitle: 'Tanpa mengetik',
  identifyHintCard: 'Gesek kartu peserta KPJ di pembaca kartu',
  identifyHintScanner: 'Tunjukkan QR kartu digital JMO ke pemindai',
  projectionNoContributions:
    'Kepesertaan nonaktif: simulasi dimulai tanpa iuran baru (upah Rp 0). Ubah upah bila Anda kembali bekerja.',

  // --- issue 11, layout slice: the balance screen's explanations and the birth-date boxes ---
  jhtExplainer:
    'JHT (Jaminan Hari Tua): tabungan hari tua dari iuran Anda dan pemberi kerja, beserta hasil pengembangannya.',
  jhtPeriod: (year: string, fromMonth: number, toMonth: number) =>
    `Periode: Tahun ${year}, ${MONTHS_ID[fromMonth - 1]}–${MONTHS_ID[toMonth - 1]}`,
  jpExplainer:
    'JP dibayar bulanan mulai usia pensiun bila iuran sudah 15 tahun; bila kurang, dibayar sekaligus.',
  birthDateDay: 'Tanggal',
  birthDateMonth: 'Bulan',
  birthDateYear: 'Tahun',
  // --- end of the layout slice ---

  // --- issue 12, viewrules slice: the start screen's keypad legend as spoken, around the numbers
  // of the brain's menu (core/session/menus.ts) ---
  keypadSpokenStart: 'Dengan keypad: Enter untuk mulai',
  keypadSpokenRepeat: '# ulangi',
  keypadSpokenLanguage: '* ganti bahasa',
  // --- end of the viewrules slice ---
  // --- issue 12, clock slice: the technician screen's remaining words, the configured zone ---
  techActions: 'Tindakan',
  techTerminal: 'ID terminal',
  techUptimeMinutes: (minutes: number) => `${minutes} menit`,
  techTimeZone: 'Zona waktu',
  techTimeZoneValue: (timeZone: string, label: string) => `${label} (${timeZone})`,
  techUnknown: 'tidak diketahui',
  techFreeUnknown: 'ruang kosong tidak diketahui',
  /** A device state as the drivers report it (`noDevice`), in words; an unknown one as it came. */
  techDeviceState: (state: string) =>
    (
      ({
        online: 'Siap',
        offline: 'Terputus',
        hardwareError: 'Gangguan perangkat keras',
        noDevice: 'Tidak terdeteksi',
        'noDevice (reconnecting)': 'Tidak terdeteksi, menyambung ulang…',
        busy: 'Sibuk',
        powerOff: 'Daya mati',
        userError: 'Perlu tindakan di perangkat',
        fraudAttempt: 'Percobaan kecurangan terdeteksi',
        potentialFraud: 'Dugaan kecurangan',
        starting: 'Sedang menyala…',
      }) as Record<string, string>
    )[state] ?? state,
  /** A device counter (`linkLosses`) in words; an unknown one as it came. */
  techCounter: (name: string) =>
    (
      ({
        linkLosses: 'Koneksi putus',
        reconnects: 'Tersambung ulang',
        paperLowEvents: 'Kertas hampir habis',
        paperOutEvents: 'Kertas habis',
        cardsRead: 'Kartu terbaca',
        invalidMedia: 'Kartu tak terbaca',
        scans: 'Pindaian',
        invalidScans: 'Pindaian tak valid',
        keysPressed: 'Tombol ditekan',
        receiptsPrinted: 'Struk tercetak',
        printFailures: 'Gagal cetak',
      }) as Record<string, string>
    )[name] ?? name,
  // --- end of the clock slice ---
  // --- issue 13, techscreen slice: one button per self-test the device's class offers ---
  /** A device's self-test button (`printTestPage`); an unknown one as its name in words. */
  techTest: (action: string) =>
    (
      ({
        printTestPage: 'Cetak Halaman Tes',
        readCardTest: 'Tes Baca Kartu',
        keypadTest: 'Tes Keypad',
        pinEntryTest: 'Tes PIN',
        scanTest: 'Tes Pindai',
      }) as Record<string, string>
    )[action] ?? actionInWords(action),
  // --- end of the techscreen slice ---
  // --- the ATM profile: bank card and card PIN ---
  attractAtmTitle: 'Masukkan kartu ATM Anda',
  attractAtmHint: 'Lalu ketik PIN kartu pada PIN pad untuk melihat saldo JHT Anda.',
  enterPinTitle: 'Masukkan PIN kartu ATM',
  enterPinHelp: 'Ketik PIN pada PIN pad, lalu tekan Enter. Tutupi PIN pad dengan tangan Anda.',
  pinDigits: (count: number) => `${count} digit dimasukkan`,
  pinCancelHint: 'Tekan Cancel untuk berhenti dan mengambil kartu.',
  cardLabel: (masked: string) => `Kartu ${masked}`,
  chooseAccountTitle: 'Pilih nomor KPJ',
  chooseAccountHelp: 'Beberapa nomor KPJ terhubung dengan data Anda. Tekan angka di depannya.',
  accountSpoken: (key: string, last4: string, employer: string) =>
    `${key}: KPJ berakhiran ${last4}, ${employer}`,
  mergeHint: 'Punya beberapa KPJ? Gabungkan di aplikasi JMO atau di kantor cabang.',
  takeCardTitle: 'Silakan ambil kartu Anda',
  takeCardBody: 'Saldo ditampilkan setelah kartu diambil.',
  cardRetainedTitle: 'Kartu Anda ditahan mesin',
  cardRetainedNotTaken: 'Kartu tidak diambil tepat waktu. Hubungi bank penerbit kartu Anda.',
  cardRetainedByBank:
    'Atas permintaan bank penerbit kartu. Hubungi bank Anda untuk mendapatkannya kembali.',
  errorPinWrong: (attemptsLeft: number) => `PIN salah. Sisa percobaan: ${attemptsLeft}.`,
  errorCardBlocked: 'Kartu ini tidak dapat digunakan: diblokir oleh bank. Hubungi bank Anda.',
  errorPinTriesExceeded: 'PIN salah terlalu banyak kali.',
  errorNoKpjLinked:
    'Belum ada nomor KPJ yang terhubung dengan data Anda. Daftar atau hubungkan di aplikasi JMO atau di kantor cabang BPJS Ketenagakerjaan.',
  errorPinPadUnavailable: 'PIN pad tidak dapat digunakan saat ini. Silakan coba lagi nanti.',
  errorCardNotReturned:
    'Kartu tidak dapat dikeluarkan. Hubungi bank penerbit kartu Anda atau Call Centre 175.',
  errorCardNotAccepted: 'Kartu ini tidak dapat digunakan untuk layanan BPJS Ketenagakerjaan.',
  handBackBody:
    'Anda kembali ke layanan bank. Kartu Anda tetap di mesin untuk transaksi berikutnya.',
  // --- end of the ATM profile ---
} as const;

type Shape<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** Every catalog must provide every key, with the same parameters. */
export type Messages = Shape<typeof id>;
