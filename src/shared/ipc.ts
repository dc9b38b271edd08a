// The IPC contract between the renderer (through the preload bridge) and main: for every channel, a zod
// schema for the arguments and one for the result. Main parses every incoming message with these and drops
// anything that does not fit; nothing from the renderer is trusted, since the page shows scenario files.
import { z } from 'zod'
import { CHANNELS, MENU_ACTIONS } from './ipcChannels'
import { EngineBridgeStatusSchema, EngineStartRequestSchema } from './engineBridge'
import { NATIVE_LANGUAGES } from './nativeText'

const MB = 1024 * 1024

/** Files opened through the dialog: scenarios and command files are small text; refuse anything bigger. */
export const TEXT_FILE_MAX_BYTES = 5 * MB
/** A projector-sized screenshot is a few MB; this leaves room for a 4K one. */
export const PNG_MAX_BYTES = 32 * MB
/** The autosaved sandbox (a JSON string the renderer builds). */
export const AUTOSAVE_MAX_BYTES = 20 * MB

// zod measures strings in UTF-16 code units; a code unit is at least one UTF-8 byte, so a byte cap is also a
// character cap. Main re-checks the exact byte count where it matters.
const base64MaxChars = Math.ceil(PNG_MAX_BYTES / 3) * 4

/** A bare file name offered in the save dialog: no folders, no characters Windows refuses, no control codes. */
export const SuggestedNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+$/, 'a file name without folders or reserved characters')
  .refine((name) => ![...name].some((char) => char.charCodeAt(0) < 0x20), 'no control characters')
  .refine((name) => name !== '.' && name !== '..', 'not a folder name')

export const MenuActionSchema = z.enum(MENU_ACTIONS)

/** A language main can speak: the exact base code, nothing else (no 'de-DE', no 'fr'). */
export const NativeLanguageSchema = z.enum(NATIVE_LANGUAGES)

const failed = z.strictObject({ status: z.literal('failed'), message: z.string() })
const cancelled = z.strictObject({ status: z.literal('cancelled') })

export const OpenTextFileResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('opened'), name: z.string(), text: z.string() }),
  cancelled,
  failed
])

export const SaveFileResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('saved'), name: z.string() }),
  cancelled,
  failed
])

export const SaveTextFileRequestSchema = z.strictObject({
  suggestedName: SuggestedNameSchema,
  text: z.string().max(TEXT_FILE_MAX_BYTES)
})

export const SavePngRequestSchema = z.strictObject({
  suggestedName: SuggestedNameSchema,
  dataBase64: z.base64().min(1).max(base64MaxChars)
})

export const AutosaveReadResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('ok'), payload: z.string(), savedAt: z.string() }),
  z.strictObject({ status: z.literal('none') }),
  // movedTo is null only if even renaming the bad file aside failed
  z.strictObject({ status: z.literal('corrupt'), movedTo: z.string().nullable(), message: z.string() }),
  z.strictObject({ status: z.literal('too-new'), version: z.number().int() })
])

export const AutosaveWriteResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('saved'), savedAt: z.string() }),
  // a newer Stacklab's autosave is on disk: we never overwrite it
  z.strictObject({ status: z.literal('refused'), message: z.string() }),
  failed
])

export const AutosavePayloadSchema = z.string().max(AUTOSAVE_MAX_BYTES)

/** Request/response channels (ipcRenderer.invoke ↔ ipcMain.handle). `args` is the whole argument list. */
export const INVOKE_CONTRACT = {
  [CHANNELS.openTextFile]: { args: z.tuple([]), result: OpenTextFileResultSchema },
  [CHANNELS.saveTextFile]: { args: z.tuple([SaveTextFileRequestSchema]), result: SaveFileResultSchema },
  [CHANNELS.savePng]: { args: z.tuple([SavePngRequestSchema]), result: SaveFileResultSchema },
  [CHANNELS.autosaveRead]: { args: z.tuple([]), result: AutosaveReadResultSchema },
  [CHANNELS.autosaveWrite]: { args: z.tuple([AutosavePayloadSchema]), result: AutosaveWriteResultSchema },
  [CHANNELS.setLanguage]: { args: z.tuple([NativeLanguageSchema]), result: z.undefined() },
  [CHANNELS.engineStart]: { args: z.tuple([EngineStartRequestSchema]), result: EngineBridgeStatusSchema },
  [CHANNELS.engineStop]: { args: z.tuple([]), result: EngineBridgeStatusSchema },
  [CHANNELS.engineStatus]: { args: z.tuple([]), result: EngineBridgeStatusSchema }
} as const

export type InvokeChannel = keyof typeof INVOKE_CONTRACT
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof INVOKE_CONTRACT)[C]['args']>
export type InvokeResult<C extends InvokeChannel> = z.infer<(typeof INVOKE_CONTRACT)[C]['result']>

export type OpenTextFileResult = z.infer<typeof OpenTextFileResultSchema>
export type SaveFileResult = z.infer<typeof SaveFileResultSchema>
export type SaveTextFileRequest = z.infer<typeof SaveTextFileRequestSchema>
export type SavePngRequest = z.infer<typeof SavePngRequestSchema>
export type AutosaveReadResult = z.infer<typeof AutosaveReadResultSchema>
export type AutosaveWriteResult = z.infer<typeof AutosaveWriteResultSchema>

export { CHANNELS, CHANNEL_PREFIX, MENU_ACTIONS, isMenuAction } from './ipcChannels'
export type { NativeLanguage } from './nativeText'
export type { MenuAction, Channel } from './ipcChannels'
