/**
 * The resident's display preferences. 长辈模式 (elder mode) is a choice the person makes; the
 * font scale follows what they set in WeChat (WECHAT.md, 适老化). `elderModePrompted` remembers
 * that we offered elder mode once, so the offer never turns into a nag.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { persistOptions } from './persist-storage'

/** WeChat's "large" font steps start around 1.2×; from there we offer elder mode at first launch. */
export const LARGE_FONT_SCALE = 1.2

interface PreferencesState {
  elderMode: boolean
  elderModePrompted: boolean
  /** From the platform at launch; not persisted (the person may change it in WeChat). */
  fontScale: number
  setElderMode: (on: boolean) => void
  markElderModePrompted: () => void
  setFontScale: (scale: number) => void
}

type PersistedPreferences = Pick<PreferencesState, 'elderMode' | 'elderModePrompted'>

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      elderMode: false,
      elderModePrompted: false,
      fontScale: 1,
      setElderMode: (on) => set({ elderMode: on, elderModePrompted: true }),
      markElderModePrompted: () => set({ elderModePrompted: true }),
      setFontScale: (scale) => set({ fontScale: Number.isFinite(scale) && scale > 0 ? scale : 1 }),
    }),
    persistOptions<PreferencesState, PersistedPreferences>({
      name: 'preferences',
      version: 2,
      partialize: (state) => ({ elderMode: state.elderMode, elderModePrompted: state.elderModePrompted }),
      migrate: (persisted, fromVersion) => {
        const old = (persisted ?? {}) as Record<string, unknown>
        // v1 stored { elder: boolean } before the first-launch offer existed.
        if (fromVersion < 2) return { elderMode: old.elder === true, elderModePrompted: old.elder === true }
        return { elderMode: old.elderMode === true, elderModePrompted: old.elderModePrompted === true }
      },
    }),
  ),
)

/** Whether to offer elder mode now: large WeChat font, never offered, not already on. */
export function shouldOfferElderMode(state: Pick<PreferencesState, 'elderMode' | 'elderModePrompted' | 'fontScale'>): boolean {
  return !state.elderMode && !state.elderModePrompted && state.fontScale >= LARGE_FONT_SCALE
}
