/**
 * The picture on a share card (weapp): drawn on an offscreen 2D canvas (base library ≥ 2.16.1)
 * and written to a temp file with canvasToTempFilePath, which onShareAppMessage's `imageUrl`
 * accepts. Nothing is downloaded and no canvas sits in the page. Any failure (an old base library,
 * no canvas) gives null and WeChat falls back to its screenshot of the page.
 */
import Taro from '@tarojs/taro'
import { clip, fitFontSize, SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, type ShareCardText } from './share-card-text'

export type { ShareCardText } from './share-card-text'

// The brand red of the navigation bar with white text: 6.5:1.
const BACKGROUND = '#b4232a'
const TEXT = '#ffffff'
const FONT = '"PingFang SC", "Microsoft YaHei", sans-serif'
const MARGIN = 36

interface Context2D {
  fillStyle: string
  font: string
  textBaseline: string
  fillRect: (x: number, y: number, w: number, h: number) => void
  fillText: (text: string, x: number, y: number) => void
  measureText: (text: string) => { width: number }
}

export async function drawShareCard(card: ShareCardText): Promise<string | null> {
  try {
    if (typeof Taro.createOffscreenCanvas !== 'function') return null
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT })
    const ctx = canvas.getContext('2d') as unknown as Context2D
    const width = SHARE_CARD_WIDTH - MARGIN * 2
    const widthAt = (text: string, size: number, weight = '') => {
      ctx.font = `${weight} ${size}px ${FONT}`.trim()
      return ctx.measureText(text).width
    }
    ctx.fillStyle = BACKGROUND
    ctx.fillRect(0, 0, SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT)
    ctx.fillStyle = TEXT
    ctx.textBaseline = 'top'

    ctx.font = `30px ${FONT}`
    ctx.fillText(
      clip(card.kicker, (text) => ctx.measureText(text).width, width),
      MARGIN,
      MARGIN,
    )

    const headSize = fitFontSize((size) => widthAt(card.headline, size, 'bold'), width, 88, 40)
    ctx.font = `bold ${headSize}px ${FONT}`
    ctx.fillText(
      clip(card.headline, (text) => ctx.measureText(text).width, width),
      MARGIN,
      110,
    )

    ctx.font = `32px ${FONT}`
    card.lines.slice(0, 2).forEach((line, index) => {
      ctx.fillText(
        clip(line, (text) => ctx.measureText(text).width, width),
        MARGIN,
        250 + index * 50,
      )
    })

    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvas: canvas as unknown as Taro.Canvas,
      fileType: 'png',
      width: SHARE_CARD_WIDTH,
      height: SHARE_CARD_HEIGHT,
      destWidth: SHARE_CARD_WIDTH,
      destHeight: SHARE_CARD_HEIGHT,
    })
    return tempFilePath || null
  } catch {
    return null
  }
}
