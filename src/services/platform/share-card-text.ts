/**
 * What a share card's 5:4 picture says, for a picture that says more than the title (issue 14:
 * a batch's face value, an event's date and place): a small line on top, one big headline, up to
 * two lines under it. Plain data so the layout below can be tested without a canvas.
 */
export interface ShareCardText {
  /** e.g. '衢州消费券' or '衢州活动'. */
  kicker: string
  /** The one thing to read at a glance, e.g. '满 200 减 50' or '12月20日 周六 19:30'. */
  headline: string
  /** At most two more lines, e.g. the batch's title, the venue. */
  lines: readonly string[]
}

/** WeChat shows the share picture at 5:4; 500 × 400 is sharp enough and draws in a few ms. */
export const SHARE_CARD_WIDTH = 500
export const SHARE_CARD_HEIGHT = 400

/**
 * The largest font size from `start` down to `min` (step 2 px) at which `text` fits `maxWidth`,
 * measured by `widthAt(size)`; `min` when nothing fits (the text is then cut by `clip`).
 */
export function fitFontSize(widthAt: (size: number) => number, maxWidth: number, start: number, min: number): number {
  for (let size = start; size > min; size -= 2) {
    if (widthAt(size) <= maxWidth) return size
  }
  return min
}

/** `text` cut with '…' so that `widthOf` of it fits `maxWidth`. */
export function clip(text: string, widthOf: (text: string) => number, maxWidth: number): string {
  if (widthOf(text) <= maxWidth) return text
  const chars = [...text]
  while (chars.length > 1 && widthOf(`${chars.join('')}…`) > maxWidth) chars.pop()
  return `${chars.join('')}…`
}
