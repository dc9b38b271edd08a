// The sandboxed preload: exposes one small object, window.stacklab, with one function per capability.
// No ipcRenderer, no channel names and no event objects reach the page (checklist item 20): every function
// is a fixed invoke on a fixed channel, and menu callbacks receive only the action id.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { StacklabBridge } from '../shared/bridge'
import { CHANNELS, isMenuAction } from '../shared/ipcChannels'

const bridge: StacklabBridge = {
  openTextFile: () => ipcRenderer.invoke(CHANNELS.openTextFile),
  saveTextFile: (request) => ipcRenderer.invoke(CHANNELS.saveTextFile, request),
  savePng: (request) => ipcRenderer.invoke(CHANNELS.savePng, request),
  autosave: {
    read: () => ipcRenderer.invoke(CHANNELS.autosaveRead),
    write: (text) => ipcRenderer.invoke(CHANNELS.autosaveWrite, text)
  },
  setLanguage: (language) => ipcRenderer.invoke(CHANNELS.setLanguage, language),
  onMenuCommand: (callback) => {
    const listener = (_event: IpcRendererEvent, action: unknown): void => {
      if (isMenuAction(action)) callback(action)
    }
    ipcRenderer.on(CHANNELS.menuCommand, listener)
    return () => {
      ipcRenderer.removeListener(CHANNELS.menuCommand, listener)
    }
  },
  engine: {
    start: (request) => ipcRenderer.invoke(CHANNELS.engineStart, request),
    stop: () => ipcRenderer.invoke(CHANNELS.engineStop),
    status: () => ipcRenderer.invoke(CHANNELS.engineStatus),
    send: (message) => ipcRenderer.send(CHANNELS.engineFromRenderer, message),
    onMessage: (callback) => {
      // the payload only: the event object (with its sender) never reaches the page
      const listener = (_event: IpcRendererEvent, message: unknown): void => callback(message)
      ipcRenderer.on(CHANNELS.engineToRenderer, listener)
      return () => {
        ipcRenderer.removeListener(CHANNELS.engineToRenderer, listener)
      }
    }
  }
}

contextBridge.exposeInMainWorld('stacklab', bridge)
