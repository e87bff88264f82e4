import { View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { memo, useMemo } from 'react'

export interface QrRun {
  row: number
  col: number
  length: number
}

export interface QrLayout {
  size: number
  runs: QrRun[]
}

/**
 * The dark modules of a QR code as horizontal runs. The redemption token (≤ 80 characters) is
 * version 4–5 at level M: 33–37 modules a side, about 300–400 runs — a few hundred Views instead
 * of 1,400 single cells, so the minute's refresh is one small setData on weapp.
 */
export function qrLayout(text: string): QrLayout {
  const code = qrcode(0, 'M')
  code.addData(text, 'Byte')
  code.make()
  const size = code.getModuleCount()
  const runs: QrRun[] = []
  for (let row = 0; row < size; row += 1) {
    let start = -1
    for (let col = 0; col <= size; col += 1) {
      const dark = col < size && code.isDark(row, col)
      if (dark && start < 0) start = col
      if (!dark && start >= 0) {
        runs.push({ row, col: start, length: col - start })
        start = -1
      }
    }
  }
  return { size, runs }
}

export interface QrCodeProps {
  text: string
  /** What a screen reader says instead of the picture. */
  label: string
}

const percent = (value: number) => `${(value * 100).toFixed(4)}%`

/**
 * A QR code drawn with Views, the same on weapp and H5 (no canvas node to query, no image file).
 * Each run overlaps the next row by a hair so no white seams show between rows at any zoom.
 */
export const QrCode = memo(function QrCode({ text, label }: QrCodeProps) {
  const layout = useMemo(() => qrLayout(text), [text])
  const cell = 1 / layout.size
  return (
    <View className='qr' role='img' aria-label={label}>
      <View className='qr__modules'>
        {layout.runs.map((run) => (
          <View
            key={`${run.row}-${run.col}`}
            className='qr__run'
            style={{
              left: percent(run.col * cell),
              top: percent(run.row * cell),
              width: percent(run.length * cell),
              height: percent(cell * 1.06),
            }}
          />
        ))}
      </View>
    </View>
  )
})
