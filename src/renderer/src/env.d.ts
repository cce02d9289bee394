/// <reference types="vite/client" />
import type { KithBridge } from '../../shared/bridge'

declare global {
  interface Window {
    /** Present in the desktop app (set by the preload script); absent in browser mode. */
    kith?: KithBridge
  }
}
