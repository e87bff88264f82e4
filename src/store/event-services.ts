/**
 * What the event and reminder screens and stores talk to: the events API, the reminders API and
 * the login. One store so a component test hands them an API bound to its own HTTP server in one
 * line (as src/store/voucher-services.ts does for vouchers); screens never import a client.
 */
import { create } from 'zustand'
import { eventsApi, type EventsApi } from '../services/api/events'
import { remindersApi, type RemindersApi } from '../services/api/reminders'
import { ensureLogin } from './auth'
import type { Session } from './session'

export interface EventServices {
  events: EventsApi
  reminders: RemindersApi
  ensureLogin: () => Promise<Session>
}

export const useEventServices = create<EventServices>()(() => ({
  events: eventsApi,
  reminders: remindersApi,
  ensureLogin,
}))

export function eventServices(): EventServices {
  return useEventServices.getState()
}
