/**
 * What to store after a 提醒我 tap. `wx.requestSubscribeMessage` answers per template id —
 * 'accept' | 'reject' | 'ban' | 'filter' — so each template is judged on its own, not on errMsg
 * (WECHAT.md): an accepted one-time template is one credit for the server to spend on one
 * message; anything else keeps the reminder in-app (我的 → 我的提醒), which also covers H5.
 *
 * Newer base libraries may answer 'acceptWithAudio' / 'acceptWithAlert' for some templates:
 * anything starting with 'accept' is an acceptance.
 */
import { REMINDER_KINDS, type ReminderKind } from './kinds'
import { DEFAULT_TEMPLATE_CATALOGUE, type TemplateCatalogue } from './templates'

export type SubscribeOutcome = 'accept' | 'reject' | 'ban' | 'filter' | 'missing' | 'failed' | 'unsupported'

export interface TemplateDecision {
  templateId: string
  kind: ReminderKind | null
  outcome: SubscribeOutcome
  /** credit: the server records one send credit for (user, template); in-app: keep it in 我的提醒. */
  store: 'credit' | 'in-app'
  reason: string
}

export interface SubscribeInterpretation {
  /** The call itself succeeded (errMsg ends in ':ok'). */
  ok: boolean
  errorCode: number | null
  decisions: TemplateDecision[]
  creditTemplateIds: string[]
  inAppTemplateIds: string[]
  /** The user turned off subscribe messages for the mini-program (20004): say where to turn them on. */
  mainSwitchOff: boolean
  /** One line for the toast after the tap. */
  message: string
}

/** wx.requestSubscribeMessage fail codes, from WeChat's documentation of the API. */
export const SUBSCRIBE_ERROR_REASONS: Readonly<Record<number, string>> = {
  10001: '参数为空',
  10002: '网络问题，获取提醒模板失败',
  10003: '网络问题，订阅请求发送失败',
  10004: '参数类型错误',
  10005: '小程序已切到后台，无法弹出订阅窗口',
  20001: '提醒模板不存在或类型不对',
  20002: '一次请求混用了一次性与长期订阅模板',
  20003: '一次请求的模板数量超过上限',
  20004: '你已关闭小程序的订阅消息',
  20005: '小程序被禁封',
  20013: '不允许通过该接口订阅设备消息',
}

const OUTCOME_REASON: Record<Exclude<SubscribeOutcome, 'failed'>, string> = {
  accept: '已订阅，到时微信会提醒你',
  reject: '未同意微信提醒，改为应用内提醒',
  ban: '该提醒模板已被微信封禁，改为应用内提醒',
  filter: '该提醒模板被微信过滤（如标题重复），改为应用内提醒',
  missing: '微信没有返回这项提醒的结果，改为应用内提醒',
  unsupported: '当前环境不支持微信提醒，改为应用内提醒',
}

const IN_APP_PLACE = '「我的 → 我的提醒」'

function kindOf(templateId: string, catalogue: TemplateCatalogue): ReminderKind | null {
  return REMINDER_KINDS.find((kind) => catalogue[kind].templateId === templateId) ?? null
}

function outcomeOf(value: unknown): SubscribeOutcome {
  if (typeof value !== 'string') return 'missing'
  if (value.startsWith('accept')) return 'accept'
  if (value === 'reject' || value === 'ban' || value === 'filter') return value
  return 'missing'
}

/**
 * Judges each requested template. `result` is what the success or fail callback received
 * (or undefined/null where the API does not exist, as on H5).
 */
export function interpretSubscribeResult(
  result: unknown,
  templateIds: readonly string[],
  catalogue: TemplateCatalogue = DEFAULT_TEMPLATE_CATALOGUE,
): SubscribeInterpretation {
  const record = result !== null && typeof result === 'object' ? (result as Record<string, unknown>) : null
  const errMsg = typeof record?.errMsg === 'string' ? record.errMsg : ''
  const ok = record !== null && /:ok$/.test(errMsg)
  const errorCode = typeof record?.errCode === 'number' ? record.errCode : null
  const failReason = errorCode !== null ? SUBSCRIBE_ERROR_REASONS[errorCode] ?? `订阅失败（${errorCode}）` : '订阅失败'

  const decisions = templateIds.map((templateId): TemplateDecision => {
    const kind = kindOf(templateId, catalogue)
    if (record === null) return { templateId, kind, outcome: 'unsupported', store: 'in-app', reason: OUTCOME_REASON.unsupported }
    if (!ok) return { templateId, kind, outcome: 'failed', store: 'in-app', reason: `${failReason}，改为应用内提醒` }
    const outcome = outcomeOf(record[templateId])
    return {
      templateId,
      kind,
      outcome,
      store: outcome === 'accept' ? 'credit' : 'in-app',
      reason: OUTCOME_REASON[outcome as Exclude<SubscribeOutcome, 'failed'>],
    }
  })

  const creditTemplateIds = decisions.filter((item) => item.store === 'credit').map((item) => item.templateId)
  const inAppTemplateIds = decisions.filter((item) => item.store === 'in-app').map((item) => item.templateId)
  const mainSwitchOff = errorCode === 20004
  let message: string
  if (mainSwitchOff) message = `你已关闭小程序的订阅消息，可在右上角「…」→「设置」中打开；提醒已保存在${IN_APP_PLACE}`
  else if (decisions.length > 0 && inAppTemplateIds.length === 0) message = '已订阅，到时微信会提醒你'
  else if (creditTemplateIds.length > 0) message = `部分提醒已订阅微信通知，其余可在${IN_APP_PLACE}查看`
  // A refusal keeps the reminder, in-app, and says so (issue 14): the resident should not think it is gone.
  else if (decisions.some((item) => item.outcome === 'reject' || item.outcome === 'ban'))
    message = `你没有允许微信通知；提醒已保存在${IN_APP_PLACE}，到时在应用内提醒你`
  else message = `提醒已保存在${IN_APP_PLACE}`
  return { ok, errorCode, decisions, creditTemplateIds, inAppTemplateIds, mainSwitchOff, message }
}
