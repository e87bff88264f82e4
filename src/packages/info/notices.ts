/**
 * The text of 隐私政策 and 用户协议, as data the pages render (and tests read), so what the app says
 * it keeps is written once, next to docs/PRIVACY.md, and checked against the server's tables in
 * the info pages' tests. Retention periods are the ones the server enforces; anything kept until
 * the account is deleted says so.
 */

export interface NoticeItem {
  what: string
  why: string
  kept: string
}

export interface NoticeSection {
  heading: string
  intro?: string
  items?: NoticeItem[]
  paragraphs?: string[]
}

export const PRIVACY_UPDATED_ON = '2026-12-06'

export const PRIVACY_SECTIONS: readonly NoticeSection[] = [
  {
    heading: '不登录也能用的部分',
    paragraphs: [
      '补贴计算、活动日历、衢城畅行 ETC 查询和政策原文不需要登录，也不收集你的身份信息。',
      '你在这些页面里填写的车牌、行程、购物清单和“长辈模式”设置只保存在你的手机上，不会发给我们的服务器；卸载小程序或清除数据即删除。',
    ],
  },
  {
    heading: '登录后服务器保存的信息',
    intro: '只有领消费券、设置提醒或商户核销时才需要登录。登录后服务器保存：',
    items: [
      { what: '微信账号标识（openid，如有则含 unionid）', why: '识别“这是你的账号”，让券和提醒只属于你', kept: '直到你注销账号' },
      { what: '微信登录密钥（session_key）', why: '核对微信发来的签名数据；只在服务器保存，从不发给手机', kept: '每次登录更新，注销账号时删除' },
      { what: '登录记录（令牌的摘要、登录时间、到期时间、浏览器或微信版本标识）', why: '保持你的登录状态，发现异常登录', kept: '到期后失效，注销账号时删除' },
      { what: '你自己填写的所在区县', why: '判断“限本区县居民领取”的消费券', kept: '直到你修改、清空或注销账号' },
      { what: '领到的消费券及其使用、退款记录（商户、订单金额、时间）', why: '兑现消费券，并作为财政资金使用的核销凭证', kept: '随账号保存；注销账号后，券和核销记录作为消费券资金的账目保留，但不再与任何账号关联' },
      { what: '提醒（提醒什么、何时提醒）和订阅消息的授权次数、发送记录', why: '按你的设置准时提醒，不重复发送', kept: '直到你删除提醒或注销账号' },
      { what: '领券、核销请求的请求编号', why: '网络中断后重试时不会重复领取或重复核销', kept: '1 天' },
      { what: '网页版意见反馈的内容和你留下的联系方式（可不填）', why: '处理你的问题和建议', kept: '最长 1 年' },
    ],
  },
  {
    heading: '手机上的权限',
    items: [
      { what: '大致位置（模糊定位）', why: '把离你最近的高速收费站排在前面；位置只在手机上使用，不上传', kept: '不保存' },
      { what: '写入手机日历', why: '你点“加入手机日历”时添加活动', kept: '只在你的日历里' },
      { what: '摄像头（商户扫码）', why: '收银员扫描顾客的券码', kept: '不保存图像' },
    ],
    paragraphs: ['拒绝任何一项权限，其他功能照常使用：收费站按路线列出，券码可以手动输入。'],
  },
  {
    heading: '消费券码',
    paragraphs: [
      '为了在没有信号的地方也能出示券码，手机会保存每张可用消费券的一个密钥，券码由手机每 30 秒生成一次。密钥只对这张券有效，券用完或过期后即删除；截图里的券码 30 秒后失效。',
    ],
  },
  {
    heading: '我们不做的事',
    paragraphs: ['不收集手机号，不做广告，不向第三方出售或提供你的信息。只有法律法规要求时，才会依法向有关部门提供。'],
  },
  {
    heading: '查看、导出和删除',
    paragraphs: [
      '在“我的”里可以查看你的券和提醒；删除提醒、清空所在区县随时可以做。',
      '注销账号：在“我的”里注销后，服务器删除你的账号标识、登录记录、微信登录密钥、提醒和所在区县；领过的券和核销记录只作为资金账目保留，不再与你关联。',
      '有疑问可以通过“我的 → 意见反馈”联系我们。',
    ],
  },
]

export const TERMS_SECTIONS: readonly NoticeSection[] = [
  {
    heading: '这是什么',
    paragraphs: [
      '衢惠通把衢州市公开发布的消费政策（以旧换新补贴、消费券、活动、衢城畅行 ETC 免费通行）做成查询和计算工具。',
      '计算结果是按公开文件给出的估算，实际补贴、优惠以发放方和收银台的结算为准。',
    ],
  },
  {
    heading: '待官方确认的数据',
    paragraphs: [
      '标有“待官方确认”或“尚未公布”的数字，是官方还没有公布、本应用暂定的值，可能会变。官方公布后我们会更新，并在页面上注明来源文件。',
    ],
  },
  {
    heading: '消费券',
    paragraphs: [
      '消费券按各批次公布的规则领取和使用，每人限领数量、使用门槛、适用商户和有效期以券面为准。',
      '不得用程序抢券、转卖消费券或与商户虚构交易套取资金；发现此类行为的，发放方可以收回消费券。',
      '券码每 30 秒更换，请勿把券码截图发给他人。',
    ],
  },
  {
    heading: '商户',
    paragraphs: ['商户账号只用于本店核销和退款，每笔核销都会记录操作账号。请按真实订单金额核销。'],
  },
  {
    heading: '其他',
    paragraphs: [
      '我们尽力保证服务可用和数据准确，但网络或系统故障时可能暂时无法使用；领券结果以服务器记录为准。',
      '个人信息的处理见《隐私政策》。继续使用即表示你同意本协议；协议更新时会在这里公布。',
    ],
  },
]
