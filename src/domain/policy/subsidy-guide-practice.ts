/**
 * 怎么申请 lines that follow the usual national practice rather than a Quzhou notice: every rule
 * set uses them until an operator replaces them, and each is marked provisional (待官方确认).
 */
import type { GuideItem } from './subsidy-rules'

/** Not a Quzhou notice: the app's own working assumption, said so wherever it is shown. */
export const COMMON_PRACTICE = '本应用暂定：按全国通行做法，衢州的细则未公布'

export function practice(text: string): GuideItem {
  return { text, status: 'provisional', source: COMMON_PRACTICE }
}

export const CAR_SCRAP_PRACTICE = {
  handOver: practice('把旧车交给报废机动车回收拆解企业，取得《报废机动车回收证明》'),
  deregister: practice('办理旧车注销登记'),
  buyNew: practice('购买新车，登记在本人名下'),
  materials: [
    practice('本人身份证'),
    practice('《报废机动车回收证明》和旧车注销证明'),
    practice('新车发票和机动车登记证书（或行驶证）'),
    practice('本人银行卡（补贴发放）'),
  ],
}

export const CAR_REPLACE_PRACTICE = {
  transfer: practice('把本人名下的旧车转让（过户）出去'),
  buyNew: CAR_SCRAP_PRACTICE.buyNew,
  materials: [
    practice('本人身份证'),
    practice('旧车转让登记证明（或二手车销售统一发票）'),
    practice('新车发票和机动车登记证书（或行驶证）'),
  ],
}
