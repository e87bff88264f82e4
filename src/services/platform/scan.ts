/**
 * Scanning a resident's voucher QR code at the till (H5). A browser page cannot open the camera
 * scanner the way WeChat can, so on H5 the cashier pastes or types the code shown under the QR
 * ("显示券码文字"). The weapp build uses scan.weapp.ts (Taro.scanCode).
 */
export type ScanResult = { ok: true; text: string } | { ok: false; reason: 'cancelled' | 'unsupported' | 'failed'; message: string }

export const canScanWithCamera = false

export async function scanCode(): Promise<ScanResult> {
  return { ok: false, reason: 'unsupported', message: '网页版不能扫码，请把顾客出示的券码文字粘贴到下面' }
}
