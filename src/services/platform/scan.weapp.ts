/**
 * Scanning a resident's voucher QR code in the mini-program: wx.scanCode from the camera only (an
 * album picture of a code is exactly the screenshot the one-minute token defeats), QR codes only.
 * The H5 build uses scan.ts.
 */
import Taro from '@tarojs/taro'

export type ScanResult = { ok: true; text: string } | { ok: false; reason: 'cancelled' | 'unsupported' | 'failed'; message: string }

export const canScanWithCamera = true

export async function scanCode(): Promise<ScanResult> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    if (!result) return { ok: false, reason: 'failed', message: '没有识别出券码，请让顾客把二维码放大后再扫' }
    return { ok: true, text: result.trim() }
  } catch (error) {
    const text = String((error as { errMsg?: string })?.errMsg ?? error)
    if (/cancel/i.test(text)) return { ok: false, reason: 'cancelled', message: '已取消扫码' }
    return { ok: false, reason: 'failed', message: '扫码没有成功，请再试一次，或把券码文字粘贴到下面' }
  }
}
