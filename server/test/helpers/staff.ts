/** Console accounts for tests: made, set up and signed in through the API, as an operator would. */
import assert from 'node:assert/strict'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { generate } from 'otplib'
import type { StaffRole } from '../../../src/domain/admin/schemas'
import { createStaff } from '../../src/admin/staff'
import type { Db } from '../../src/store/db'

export const STAFF_PASSWORD = 'correct horse battery staple'

interface Host {
  db: Db
  clock: { now: Date }
  request(options: InjectOptions): Promise<LightMyRequestResponse>
}

export const totpAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) })

/** Moves the clock to the next 30-second TOTP step (a code is accepted once). */
export function nextStep(host: Host): void {
  host.clock.now = new Date(host.clock.now.getTime() + 30_000)
}

export async function setUpStaff(host: Host, account: string, role: StaffRole): Promise<{ userId: string; secret: string }> {
  const created = await createStaff(host.db, { account, role, now: host.clock.now })
  const info = await host.request({ method: 'GET', url: `/api/v1/admin/auth/setup/${created.setupToken}` })
  assert.equal(info.statusCode, 200, info.body)
  const { secret } = info.json().data
  const done = await host.request({
    method: 'POST',
    url: '/api/v1/admin/auth/setup',
    payload: { token: created.setupToken, password: STAFF_PASSWORD, code: await totpAt(secret, host.clock.now) },
  })
  assert.equal(done.statusCode, 200, done.body)
  return { userId: created.staff.user_id, secret }
}

export async function staffLogin(host: Host, account: string, secret: string): Promise<string> {
  nextStep(host)
  const response = await host.request({
    method: 'POST',
    url: '/api/v1/admin/auth/login',
    payload: { account, password: STAFF_PASSWORD, code: await totpAt(secret, host.clock.now) },
  })
  assert.equal(response.statusCode, 200, response.body)
  return response.json().data.token
}

/** A signed-in console session: its bearer header and user id. */
export async function staffSession(host: Host, account: string, role: StaffRole): Promise<{ headers: { authorization: string }; userId: string }> {
  const { userId, secret } = await setUpStaff(host, account, role)
  const token = await staffLogin(host, account, secret)
  return { headers: { authorization: `Bearer ${token}` }, userId }
}
