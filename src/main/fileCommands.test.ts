import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TEXT_FILE_MAX_BYTES } from '../shared/ipc'
import { NATIVE_TEXT, type NativeLanguage } from '../shared/nativeText'
import { createFileCommands, type DialogPort } from './fileCommands'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stacklab-files-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

// a 1×1 PNG
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

function fakeDialogs(answer: { open?: string | null; save?: string | null }) {
  const dialogs = {
    showOpenDialog: vi.fn<DialogPort['showOpenDialog']>(async () =>
      answer.open ? { canceled: false, filePaths: [answer.open] } : { canceled: true, filePaths: [] }
    ),
    showSaveDialog: vi.fn<DialogPort['showSaveDialog']>(async () =>
      answer.save ? { canceled: false, filePath: answer.save } : { canceled: true }
    )
  }
  return { dialogs, commands: createFileCommands(dialogs, { defaultDirectory: () => dir }) }
}

describe('openTextFile', () => {
  it('returns the name and UTF-8 text of the chosen file', async () => {
    const file = path.join(dir, 'lesson.json')
    writeFileSync(file, '{"title":"Namespaces — ünïcode"}')
    expect(await fakeDialogs({ open: file }).commands.openTextFile()).toEqual({
      status: 'opened',
      name: 'lesson.json',
      text: '{"title":"Namespaces — ünïcode"}'
    })
  })

  it('reports a cancelled dialog', async () => {
    expect(await fakeDialogs({ open: null }).commands.openTextFile()).toEqual({ status: 'cancelled' })
  })

  it('refuses files over 5 MB without reading them into the page', async () => {
    const file = path.join(dir, 'huge.json')
    writeFileSync(file, Buffer.alloc(TEXT_FILE_MAX_BYTES + 1, 0x20))
    const result = await fakeDialogs({ open: file }).commands.openTextFile()
    expect(result).toMatchObject({ status: 'failed' })
    if (result.status === 'failed') expect(result.message).toMatch(/5\.0 MB/)
  })

  it('accepts a file of exactly 5 MB', async () => {
    const file = path.join(dir, 'big.txt')
    writeFileSync(file, Buffer.alloc(TEXT_FILE_MAX_BYTES, 0x61))
    const result = await fakeDialogs({ open: file }).commands.openTextFile()
    expect(result.status).toBe('opened')
    if (result.status === 'opened') expect(result.text.length).toBe(TEXT_FILE_MAX_BYTES)
  })

  it('refuses binary files and folders', async () => {
    const binary = path.join(dir, 'picture.json')
    writeFileSync(binary, Buffer.from(PNG_BASE64, 'base64'))
    expect((await fakeDialogs({ open: binary }).commands.openTextFile()).status).toBe('failed')
    expect((await fakeDialogs({ open: dir }).commands.openTextFile()).status).toBe('failed')
    expect((await fakeDialogs({ open: path.join(dir, 'missing.json') }).commands.openTextFile()).status).toBe('failed')
  })
})

describe('saveTextFile', () => {
  it('offers the suggested name in the default folder and writes the text', async () => {
    const target = path.join(dir, 'session.sh')
    const { dialogs, commands } = fakeDialogs({ save: target })
    expect(await commands.saveTextFile({ suggestedName: 'session.sh', text: 'docker run -d nginx\n' })).toEqual({
      status: 'saved',
      name: 'session.sh'
    })
    expect(dialogs.showSaveDialog.mock.calls[0]?.[0].defaultPath).toBe(path.join(dir, 'session.sh'))
    expect(readFileSync(target, 'utf8')).toBe('docker run -d nginx\n')
    expect(readdirSync(dir)).toEqual(['session.sh'])
  })

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'lesson.json')
    writeFileSync(target, 'old content that is longer than the new one')
    await fakeDialogs({ save: target }).commands.saveTextFile({ suggestedName: 'lesson.json', text: '{}' })
    expect(readFileSync(target, 'utf8')).toBe('{}')
  })

  it('writes nothing when the dialog is cancelled', async () => {
    expect(await fakeDialogs({ save: null }).commands.saveTextFile({ suggestedName: 'a.txt', text: 'x' })).toEqual({ status: 'cancelled' })
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses text whose UTF-8 is over the cap, before asking where to save', async () => {
    const { dialogs, commands } = fakeDialogs({ save: path.join(dir, 'a.txt') })
    const text = 'é'.repeat(TEXT_FILE_MAX_BYTES / 2 + 1)
    expect((await commands.saveTextFile({ suggestedName: 'a.txt', text })).status).toBe('failed')
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled()
  })

  it('reports a failed write', async () => {
    const result = await fakeDialogs({ save: path.join(dir, 'no', 'such', 'folder', 'a.txt') }).commands.saveTextFile({
      suggestedName: 'a.txt',
      text: 'x'
    })
    expect(result.status).toBe('failed')
  })
})

describe('savePng', () => {
  it('writes the decoded PNG and adds the extension to the suggestion', async () => {
    const target = path.join(dir, 'scene.png')
    const { dialogs, commands } = fakeDialogs({ save: target })
    expect(await commands.savePng({ suggestedName: 'scene', dataBase64: PNG_BASE64 })).toEqual({ status: 'saved', name: 'scene.png' })
    expect(dialogs.showSaveDialog.mock.calls[0]?.[0].defaultPath).toBe(path.join(dir, 'scene.png'))
    expect(readFileSync(target).equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true)
  })

  it('refuses bytes that are not a PNG, without showing a dialog', async () => {
    const { dialogs, commands } = fakeDialogs({ save: path.join(dir, 'x.png') })
    const notPng = Buffer.from('#!/bin/sh\nrm -rf ~\n').toString('base64')
    expect((await commands.savePng({ suggestedName: 'x.png', dataBase64: notPng })).status).toBe('failed')
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled()
    expect(existsSync(path.join(dir, 'x.png'))).toBe(false)
  })
})

describe('in the renderer\'s language', () => {
  function inLanguage(language: NativeLanguage, answer: { open?: string | null; save?: string | null }) {
    let current = language
    const dialogs = {
      showOpenDialog: vi.fn<DialogPort['showOpenDialog']>(async () =>
        answer.open ? { canceled: false, filePaths: [answer.open] } : { canceled: true, filePaths: [] }
      ),
      showSaveDialog: vi.fn<DialogPort['showSaveDialog']>(async () =>
        answer.save ? { canceled: false, filePath: answer.save } : { canceled: true }
      )
    }
    const commands = createFileCommands(dialogs, { defaultDirectory: () => dir, text: () => NATIVE_TEXT[current] })
    return { dialogs, commands, switchTo: (next: NativeLanguage) => void (current = next) }
  }

  it('names the dialog filters in the current language, read at each call', async () => {
    const { dialogs, commands, switchTo } = inLanguage('de', { open: null, save: null })
    await commands.openTextFile()
    await commands.saveTextFile({ suggestedName: 'lesson.json', text: '{}' })
    await commands.savePng({ suggestedName: 'scene', dataBase64: PNG_BASE64 })
    expect(dialogs.showOpenDialog.mock.calls[0]?.[0].filters?.map((f) => f.name)).toEqual(['Szenarien und Befehlsdateien', 'Alle Dateien'])
    expect(dialogs.showSaveDialog.mock.calls[0]?.[0].filters?.map((f) => f.name)).toEqual(['.json-Datei', 'Alle Dateien'])
    expect(dialogs.showSaveDialog.mock.calls[1]?.[0].filters?.map((f) => f.name)).toEqual(['PNG-Bild'])
    switchTo('en')
    await commands.openTextFile()
    expect(dialogs.showOpenDialog.mock.calls[1]?.[0].filters?.map((f) => f.name)).toEqual(['Scenarios and command files', 'All files'])
  })

  it('returns its failure messages in German when the page speaks German', async () => {
    const huge = path.join(dir, 'huge.json')
    writeFileSync(huge, Buffer.alloc(TEXT_FILE_MAX_BYTES + 1, 0x20))
    expect(await inLanguage('de', { open: huge }).commands.openTextFile()).toEqual({
      status: 'failed',
      message: 'Die Datei ist 5,0 MB groß; Stacklab öffnet Dateien bis 5,0 MB.'
    })
    const binary = path.join(dir, 'picture.json')
    writeFileSync(binary, Buffer.from(PNG_BASE64, 'base64'))
    expect(await inLanguage('de', { open: binary }).commands.openTextFile()).toEqual({ status: 'failed', message: 'Die Datei ist kein UTF-8-Text.' })
    expect(await inLanguage('de', { open: dir }).commands.openTextFile()).toEqual({ status: 'failed', message: 'Das ist keine Datei.' })
    const notPng = Buffer.from('#!/bin/sh\n').toString('base64')
    expect(await inLanguage('de', { save: null }).commands.savePng({ suggestedName: 'x', dataBase64: notPng })).toEqual({
      status: 'failed',
      message: 'Das Bild ist keine PNG-Datei.'
    })
    const failed = await inLanguage('de', { save: path.join(dir, 'no', 'such', 'a.txt') }).commands.saveTextFile({ suggestedName: 'a.txt', text: 'x' })
    expect(failed).toMatchObject({ status: 'failed', message: expect.stringMatching(/^a\.txt konnte nicht gespeichert werden \(.+\)\.$/) })
  })
})
