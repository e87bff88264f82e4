import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before } from 'node:test'
import { startAppServer } from '../../scripts/lib/app-server.mjs'
import { launchPhone } from './browser.mjs'

const root = new URL('../..', import.meta.url).pathname

/**
 * A second real server (fresh store, sample content, the H5 build) with an operator's content file
 * — e.g. `{ subsidyOverrides: … }` — written to a temporary folder and imported by the operator's
 * CLI before it starts: how a journey shows operator data reaching the resident. `close()` stops it
 * and removes the file; call it in an `after` hook.
 */
export async function startServerWithContent(name, content) {
  const dir = mkdtempSync(join(tmpdir(), `qht-${name}-`))
  const file = join(dir, `${name}.json`)
  writeFileSync(file, JSON.stringify(content, null, 2))
  try {
    const server = await startAppServer({ root, staticDir: join(root, 'dist/h5'), importFiles: [file] })
    return {
      url: server.url,
      close: async () => {
        await server.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

/**
 * For a journey file: before its tests, a server with the operator's content file (as above) and a
 * phone whose clock stands at `day`; both closed after. `journey.server.url` is that server's origin.
 */
export function overrideJourney(name, content, day) {
  const journey = { server: null, phone: null }
  before(async () => {
    journey.server = await startServerWithContent(name, content)
    journey.phone = await launchPhone()
    await journey.phone.page.clock.setFixedTime(day)
  })
  after(async () => {
    await journey.phone?.close()
    await journey.server?.close()
  })
  return journey
}
