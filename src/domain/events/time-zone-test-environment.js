/**
 * Jest environment for the time-zone test: jest gives each test file a copy of process.env, so
 * setting TZ inside a test changes nothing. This hands the test `setProcessTimeZone`, which sets
 * the worker's real TZ (Node then re-reads it for every Date), and restores it afterwards so
 * other test files in the same worker are unaffected.
 */
const NodeEnvironment = require('jest-environment-node').TestEnvironment

class TimeZoneTestEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context)
    this.originalTimeZone = process.env.TZ
    this.global.setProcessTimeZone = (zone) => {
      process.env.TZ = zone
    }
  }

  async teardown() {
    if (this.originalTimeZone === undefined) delete process.env.TZ
    else process.env.TZ = this.originalTimeZone
    await super.teardown()
  }
}

module.exports = TimeZoneTestEnvironment
