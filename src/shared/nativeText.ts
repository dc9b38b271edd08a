// The desktop app's native strings (application menu, file-dialog filters, the messages main hands back to the
// renderer) in every language the renderer speaks. The renderer's own texts live in src/renderer/src/i18n; these
// are the few main shows or returns itself. No imports, so main, the preload and the renderer can all use it.
// Terms follow the renderer's German (Prüfpunkt, Zurückspulen, Beamer-Modus, automatischer Speicherstand…).

/** The languages main can speak; the renderer reports one of these (CHANNELS.setLanguage). */
export const NATIVE_LANGUAGES = ['en', 'de'] as const
export type NativeLanguage = (typeof NATIVE_LANGUAGES)[number]

export interface NativeText {
  /** Menu labels; `&` marks the access key on Windows and Linux. */
  readonly menu: {
    readonly file: string
    readonly newSandbox: string
    readonly openScenario: string
    readonly saveScenarioAs: string
    readonly saveSessionAsCommands: string
    readonly exportPng: string
    readonly quit: string
    readonly view: string
    readonly projectorMode: string
    readonly fullScreen: string
    readonly zoomIn: string
    readonly zoomOut: string
    readonly zoomReset: string
    readonly developerTools: string
    readonly simulation: string
    readonly playPause: string
    readonly step: string
    readonly slower: string
    readonly faster: string
    readonly checkpoint: string
    readonly rewind: string
    readonly resetAll: string
    readonly help: string
    readonly shortcuts: string
    readonly glossary: string
    readonly about: string
  }
  /** File-type names in the open and save dialogs. */
  readonly dialog: {
    readonly scenariosAndCommandFiles: string
    readonly allFiles: string
    /** extension without the dot: 'json' → '.json file' */
    readonly fileOfType: (extension: string) => string
    readonly pngImage: string
  }
  /** Messages main returns to the renderer in a failed/refused/corrupt result. */
  readonly message: {
    readonly saveFailed: (name: string, error: string) => string
    readonly textTooLarge: (maxBytes: number) => string
    readonly pictureTooLarge: (maxBytes: number) => string
    readonly pictureNotPng: string
    readonly fileNotOpened: (error: string) => string
    readonly notAFile: string
    /** sizes in MB */
    readonly fileTooLarge: (megabytes: number, maxMegabytes: number) => string
    readonly fileNotUtf8: string
    readonly fileNotRead: (error: string) => string
    readonly autosaveRefused: string
    readonly autosaveTooLarge: (maxBytes: number) => string
    readonly autosaveFailed: (error: string) => string
    readonly autosaveUnusableKept: (reason: string, movedTo: string) => string
    readonly autosaveUnusableNotMoved: (reason: string, error: string) => string
    readonly autosaveNotJson: string
    readonly autosaveNotStacklab: string
    readonly autosaveMalformed: string
    readonly autosaveChecksum: string
    readonly autosaveTooBig: (bytes: number) => string
    readonly autosaveUnreadable: (error: string) => string
  }
}

const en: NativeText = {
  menu: {
    file: '&File',
    newSandbox: 'New sandbox',
    openScenario: 'Open scenario…',
    saveScenarioAs: 'Save scenario as…',
    saveSessionAsCommands: 'Save session as command file…',
    exportPng: 'Export picture as PNG…',
    quit: 'Quit',
    view: '&View',
    projectorMode: 'Projector mode',
    fullScreen: 'Full screen',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Reset zoom',
    developerTools: 'Developer tools',
    simulation: '&Simulation',
    playPause: 'Play/Pause',
    step: 'Step',
    slower: 'Slower',
    faster: 'Faster',
    checkpoint: 'Checkpoint',
    rewind: 'Rewind',
    resetAll: 'Reset all',
    help: '&Help',
    shortcuts: 'Keyboard shortcuts',
    glossary: 'Glossary',
    about: 'About Stacklab'
  },
  dialog: {
    scenariosAndCommandFiles: 'Scenarios and command files',
    allFiles: 'All files',
    fileOfType: (extension) => `.${extension} file`,
    pngImage: 'PNG image'
  },
  message: {
    saveFailed: (name, error) => `Could not save ${name} (${error}).`,
    textTooLarge: (maxBytes) => `The text is larger than ${maxBytes} bytes.`,
    pictureTooLarge: (maxBytes) => `The picture is larger than ${maxBytes} bytes.`,
    pictureNotPng: 'The picture is not a PNG image.',
    fileNotOpened: (error) => `The file could not be opened (${error}).`,
    notAFile: 'That is not a file.',
    fileTooLarge: (mb, maxMb) => `The file is ${mb.toFixed(1)} MB; Stacklab opens files of up to ${maxMb.toFixed(1)} MB.`,
    fileNotUtf8: 'The file is not UTF-8 text.',
    fileNotRead: (error) => `The file could not be read (${error}).`,
    autosaveRefused: 'The autosave was written by a newer Stacklab; it is left as it is.',
    autosaveTooLarge: (maxBytes) => `The autosave must be text of at most ${maxBytes} bytes.`,
    autosaveFailed: (error) => `Autosave failed: ${error}`,
    autosaveUnusableKept: (reason, movedTo) => `The autosave was not usable: ${reason}. It was kept as ${movedTo}.`,
    autosaveUnusableNotMoved: (reason, error) => `The autosave was not usable: ${reason}. Moving it aside failed too (${error}).`,
    autosaveNotJson: 'it is not complete JSON (a write was cut short, or the file was edited)',
    autosaveNotStacklab: 'it is not a Stacklab save',
    autosaveMalformed: 'its fields are missing or malformed',
    autosaveChecksum: 'its checksum does not match its content',
    autosaveTooBig: (bytes) => `it is ${bytes} bytes, more than a save can be`,
    autosaveUnreadable: (error) => `it could not be read (${error})`
  }
}

const germanDecimal = (n: number): string => n.toFixed(1).replace('.', ',')

const de: NativeText = {
  menu: {
    file: '&Datei',
    newSandbox: 'Neue Sandbox',
    openScenario: 'Szenario öffnen…',
    saveScenarioAs: 'Szenario speichern unter…',
    saveSessionAsCommands: 'Sitzung als Befehlsdatei speichern…',
    exportPng: 'Bild als PNG exportieren…',
    quit: 'Beenden',
    view: '&Ansicht',
    projectorMode: 'Beamer-Modus',
    fullScreen: 'Vollbild',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    zoomReset: 'Originalgröße',
    developerTools: 'Entwicklerwerkzeuge',
    // the same word in German
    simulation: '&Simulation',
    playPause: 'Abspielen/Pause',
    step: 'Schritt',
    slower: 'Langsamer',
    faster: 'Schneller',
    checkpoint: 'Prüfpunkt',
    rewind: 'Zurückspulen',
    resetAll: 'Alles zurücksetzen',
    help: '&Hilfe',
    shortcuts: 'Tastenkürzel',
    glossary: 'Glossar',
    about: 'Über Stacklab'
  },
  dialog: {
    scenariosAndCommandFiles: 'Szenarien und Befehlsdateien',
    allFiles: 'Alle Dateien',
    fileOfType: (extension) => `.${extension}-Datei`,
    pngImage: 'PNG-Bild'
  },
  message: {
    saveFailed: (name, error) => `${name} konnte nicht gespeichert werden (${error}).`,
    textTooLarge: (maxBytes) => `Der Text ist größer als ${maxBytes} Bytes.`,
    pictureTooLarge: (maxBytes) => `Das Bild ist größer als ${maxBytes} Bytes.`,
    pictureNotPng: 'Das Bild ist keine PNG-Datei.',
    fileNotOpened: (error) => `Die Datei konnte nicht geöffnet werden (${error}).`,
    notAFile: 'Das ist keine Datei.',
    fileTooLarge: (mb, maxMb) => `Die Datei ist ${germanDecimal(mb)} MB groß; Stacklab öffnet Dateien bis ${germanDecimal(maxMb)} MB.`,
    fileNotUtf8: 'Die Datei ist kein UTF-8-Text.',
    fileNotRead: (error) => `Die Datei konnte nicht gelesen werden (${error}).`,
    autosaveRefused: 'Der automatische Speicherstand stammt von einer neueren Stacklab-Version; er bleibt, wie er ist.',
    autosaveTooLarge: (maxBytes) => `Der automatische Speicherstand darf höchstens ${maxBytes} Bytes Text umfassen.`,
    autosaveFailed: (error) => `Automatisches Speichern fehlgeschlagen: ${error}`,
    autosaveUnusableKept: (reason, movedTo) => `Der automatische Speicherstand war nicht brauchbar: ${reason}. Er wurde als ${movedTo} aufbewahrt.`,
    autosaveUnusableNotMoved: (reason, error) =>
      `Der automatische Speicherstand war nicht brauchbar: ${reason}. Auch das Beiseitelegen ist fehlgeschlagen (${error}).`,
    autosaveNotJson: 'er ist kein vollständiges JSON (ein Schreibvorgang wurde abgebrochen oder die Datei bearbeitet)',
    autosaveNotStacklab: 'er ist kein Stacklab-Speicherstand',
    autosaveMalformed: 'seine Felder fehlen oder sind fehlerhaft',
    autosaveChecksum: 'seine Prüfsumme passt nicht zu seinem Inhalt',
    autosaveTooBig: (bytes) => `er ist ${bytes} Bytes groß, mehr als ein Speicherstand sein kann`,
    autosaveUnreadable: (error) => `er konnte nicht gelesen werden (${error})`
  }
}

export const NATIVE_TEXT: Record<NativeLanguage, NativeText> = { en, de }

export function isNativeLanguage(value: unknown): value is NativeLanguage {
  return typeof value === 'string' && (NATIVE_LANGUAGES as readonly string[]).includes(value)
}

/** 'de-AT' → 'de'; anything unsupported, empty or missing → 'en'. */
export function nativeLanguage(code: string | undefined): NativeLanguage {
  const base = code?.trim().toLowerCase().split(/[-_]/)[0]
  return isNativeLanguage(base) ? base : 'en'
}
