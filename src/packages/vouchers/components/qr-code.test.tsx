/**
 * The QR code drawn with Views: runs cover exactly the dark modules the generator computes, a
 * redemption token stays a light tree (hundreds of Views, not thousands), and it is named for
 * screen readers.
 */
import { render, screen } from '@testing-library/react'
import qrcode from 'qrcode-generator'
import { issueRedemptionToken } from '@/domain/vouchers/redemption-token'
import { QrCode, qrLayout } from './qr-code'

const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e'
const { token } = issueRedemptionToken({ voucherId: uuid, ownerId: uuid, issuedAt: Date.UTC(2025, 4, 1) }, () => new Uint8Array(32).fill(1))

test('runs cover exactly the dark modules', () => {
  const layout = qrLayout(token)
  const reference = qrcode(0, 'M')
  reference.addData(token, 'Byte')
  reference.make()
  expect(layout.size).toBe(reference.getModuleCount())
  const dark = new Set<string>()
  for (const run of layout.runs) for (let col = run.col; col < run.col + run.length; col += 1) dark.add(`${run.row},${col}`)
  for (let row = 0; row < layout.size; row += 1) {
    for (let col = 0; col < layout.size; col += 1) expect(dark.has(`${row},${col}`)).toBe(reference.isDark(row, col))
  }
})

test('a two-UUID token is version 5 at level M and a few hundred Views', () => {
  expect(token.length).toBe(77)
  const layout = qrLayout(token)
  expect(layout.size).toBe(37)
  expect(layout.runs.length).toBeLessThan(500)
  render(<QrCode text={token} label='消费券二维码' />)
  expect(screen.getByRole('img', { name: '消费券二维码' }).querySelectorAll('.qr__run')).toHaveLength(layout.runs.length)
})
