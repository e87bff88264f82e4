/**
 * The shared set-up of component tests that set reminders over a real HTTP server: the app's own
 * dev sign-in and API client pointed at a test server that answers the reminders endpoints
 * (reminder-fixtures.ts). Each test starts signed out, with an empty reminders store and a fresh
 * in-memory server holding `subjects()`.
 */
import { resetRemindersStore } from '../store/reminders'
import { useSessionStore } from '../store/session'
import { devLoginHandler, startSignInTestServer, type ApiTestServer } from './api-test-server'
import { reminderHandler, type FakeReminderServer } from './reminder-fixtures'

export interface ReminderApi {
  server: ApiTestServer
  state: FakeReminderServer
}

/** Registers the jest hooks; the returned object's server and state are set once they have run. */
export function serveReminders(subjects: () => FakeReminderServer['subjects']): ReminderApi {
  const api = {} as ReminderApi
  beforeAll(async () => {
    api.server = await startSignInTestServer()
  })
  afterAll(() => api.server.close())
  beforeEach(() => {
    localStorage.clear()
    useSessionStore.setState({ session: null })
    resetRemindersStore()
    api.state = { reminders: [], wechat: false, subjects: subjects() }
    api.server.reset()
    api.server.on(devLoginHandler())
    api.server.on(reminderHandler(api.state))
  })
  return api
}
