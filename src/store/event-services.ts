/**
 * What the reminder screens and stores talk to: the reminders API and the login. Events are read
 * through the resource cache (src/store/events.ts) and tests point them at a server with
 * configureApi; the reminders side moves there too (issue 18), after which this file goes.
 */
import { create } from 'zustand'
import { remindersApi, type RemindersApi } from '../services/api/reminders'
import { ensureLogin } from './auth'
import type { Session } from './session'

export interface EventServices {
  reminders: RemindersApi
  ensureLogin: () => Promise<Session>
}

export const useEventServices = create<EventServices>()(() => ({
  reminders: remindersApi,
  ensureLogin,
}))

export function eventServices(): EventServices {
  return useEventServices.getState()
}
