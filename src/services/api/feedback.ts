/**
 * POST /api/v1/feedback — 意见反馈 from the H5 app (the mini-program uses WeChat's own feedback
 * and 客服 buttons). Anonymous; the server validates and rate-limits, and keeps a note one year.
 */
import type { ApiClient } from './client'
import { api } from './index'

export interface FeedbackRequest {
  content: string
  contact?: string
  /** The app page the person came from, e.g. 'pages/mine/index'. */
  page?: string
}

export function createFeedbackApi(client: ApiClient) {
  return {
    sendFeedback: (body: FeedbackRequest) => client.post<{ id: string; keptDays: number }>('/api/v1/feedback', body),
  }
}

export type FeedbackApi = ReturnType<typeof createFeedbackApi>

export const feedbackApi: FeedbackApi = createFeedbackApi(api)
