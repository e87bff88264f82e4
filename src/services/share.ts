/**
 * What a forwarded page carries (WECHAT.md "Calendar, share, scan"; issue 14, sharing): a title
 * and a path that opens the same thing for the receiver — never the sender's own entries (prices,
 * plate, wallet) and never a reward. Pages call Taro's useShareAppMessage / useShareTimeline
 * themselves (check:weapp looks for them in each built page) with what these helpers build. On H5
 * the hooks do nothing; these helpers are plain functions and never touch the platform.
 */
import { buildUrl, type RouteParams } from './navigation'
import type { RouteKey } from '../routes'

export interface ShareMessage {
  title: string
  /** Absolute page path with its query, e.g. '/packages/events/pages/detail/index?id=…'. */
  path: string
  /** A 5:4 picture (a local temp file on weapp); WeChat takes a screenshot without one. */
  imageUrl?: string
  /** WeChat waits up to 3 s for this and then uses the fields above (onShareAppMessage docs). */
  promise?: Promise<{ title: string; path: string; imageUrl?: string }>
}

export interface ShareTimelineMessage {
  title: string
  /** The query only: 朋友圈 always opens the page it was shared from. */
  query: string
  imageUrl?: string
}

/** WeChat trims long titles with an ellipsis; keep the important part first and stay short. */
const TITLE_LIMIT = 30

export function shareTitle(text: string): string {
  const chars = [...text.trim()]
  return chars.length <= TITLE_LIMIT ? chars.join('') : `${chars.slice(0, TITLE_LIMIT - 1).join('')}…`
}

function cleanParams(params: RouteParams): RouteParams {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== ''))
}

/** The share of `key` opened with `params` (only what identifies the thing, nothing personal). */
export function shareMessage(key: RouteKey, title: string, params: RouteParams = {}, image?: ShareImage): ShareMessage {
  const message: ShareMessage = { title: shareTitle(title), path: buildUrl(key, cleanParams(params)) }
  if (image?.url) message.imageUrl = image.url
  else if (image?.pending) {
    const base = { title: message.title, path: message.path }
    message.promise = image.pending.then((url) => (url ? { ...base, imageUrl: url } : base))
  }
  return message
}

/** The 朋友圈 share of the page: same title, the query of the page's path. */
export function shareTimeline(message: ShareMessage): ShareTimelineMessage {
  const at = message.path.indexOf('?')
  const timeline: ShareTimelineMessage = { title: message.title, query: at === -1 ? '' : message.path.slice(at + 1) }
  if (message.imageUrl) timeline.imageUrl = message.imageUrl
  return timeline
}

/** A picture being drawn for the share card: its file once drawn, or the drawing still under way. */
export interface ShareImage {
  url: string | null
  pending: Promise<string | null> | null
}
