/**
 * `npm run server:admin -- create-operator <account> [--auditor]` from the repository root: makes
 * a console account (运营, or 审计 with --auditor) and prints its one-time setup link, where its
 * holder sets a password and enrols an authenticator app (valid 24 hours).
 * `npm run server:admin -- reset <account>`: clears the password and authenticator, signs the
 * account out everywhere and prints a new setup link (for a lost phone or a forgotten password).
 * Uses the server's store: DATABASE_URL, or PGlite under DATA_DIR (stop a PGlite server first: one
 * process owns its files). The link's host is ADMIN_BASE_URL, else http://HOST:PORT.
 */
import { staffAccountSchema } from '../../../src/domain/admin/schemas'
import { toIsoShanghai } from '../../../src/domain/time'
import { writeAudit } from '../admin/audit'
import { createStaff, findStaffByAccount, resetStaff, setupPath } from '../admin/staff'
import { loadConfig } from '../config'
import { runCli, withMigratedStore } from './run-cli'

const USAGE = `用法：npm run server:admin -- create-operator <账号> [--auditor]
      npm run server:admin -- reset <账号>
  create-operator  新建后台账号（默认角色 运营；--auditor 为 审计，只能查看），打印一次性设置链接
  reset            重置账号的密码和身份验证器，注销其所有登录，打印新的设置链接`

const CLI_ACTOR = { id: null, account: '命令行', role: 'cli' }

async function run(argv: string[]): Promise<number> {
  const [command, accountArg, ...rest] = argv
  const flags = new Set(rest)
  const unknown = [...flags].filter((flag) => flag !== '--auditor')
  if (!command || command === '--help' || !['create-operator', 'reset'].includes(command) || !accountArg || unknown.length > 0 || (command === 'reset' && flags.size > 0)) {
    if (unknown.length > 0) console.error(`不认识的选项：${unknown.join(' ')}`)
    console.error(USAGE)
    return command === '--help' ? 0 : 2
  }
  const account = staffAccountSchema.safeParse(accountArg)
  if (!account.success) {
    console.error(`账号不合规：${account.error.issues[0].message}`)
    return 2
  }
  const config = loadConfig()
  const base = (process.env.ADMIN_BASE_URL || `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`).replace(/\/+$/, '')
  return withMigratedStore(config.store, async (db) => {
    const now = new Date()
    if (command === 'create-operator') {
      const role = flags.has('--auditor') ? 'auditor' : 'operator'
      const created = await createStaff(db, { account: account.data, role, now })
      await writeAudit(db, CLI_ACTOR, { action: 'staff.create', targetType: 'staff', targetId: created.staff.user_id, summary: `命令行新建${role === 'operator' ? '运营' : '审计'}账号 ${account.data}` }, now)
      process.stdout.write(
        `已新建${role === 'operator' ? '运营' : '审计'}账号 ${account.data}（存储：${db.engine}）。\n请在 ${toIsoShanghai(created.expiresAt)} 前打开下面的一次性链接，设置密码并用身份验证器扫码：\n${base}${setupPath(created.setupToken)}\n`,
      )
      return 0
    }
    const staff = await findStaffByAccount(db, account.data)
    if (!staff) {
      console.error(`找不到账号 ${account.data}`)
      return 1
    }
    const reset = await db.transaction(async (tx) => {
      const result = await resetStaff(tx, staff.user_id, now)
      await writeAudit(tx, CLI_ACTOR, { action: 'staff.reset', targetType: 'staff', targetId: staff.user_id, summary: `命令行重置 ${account.data} 的密码和身份验证器` }, now)
      return result!
    })
    process.stdout.write(`已重置 ${account.data}，其所有登录已注销。新的一次性设置链接（${toIsoShanghai(reset.expiresAt)} 前有效）：\n${base}${setupPath(reset.setupToken)}\n`)
    return 0
  })
}

runCli(run, '出错')
