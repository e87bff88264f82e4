/**
 * The version a build was made from (package.json, compiled in by config/index.ts), marked
 * （开发版） unless it is a release build; a build without it (tests) says 开发版.
 */
export function appVersion(): string {
  const version = process.env.TARO_APP_VERSION
  if (typeof version !== 'string' || !version) return '开发版'
  return process.env.TARO_APP_RELEASE === 'true' ? version : `${version}（开发版）`
}
