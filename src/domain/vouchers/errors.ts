import { DomainError } from '../errors'

/**
 * Thrown only when a caller hands the voucher rules inconsistent input (a voucher with another
 * batch's rules, a round id the batch does not have, counts that are not whole numbers). What a
 * resident or a cashier can run into — sold out, below the threshold, expired — is never thrown:
 * it comes back as an outcome with its own code.
 */
export type VoucherErrorCode =
  | 'BATCH_MISMATCH'
  | 'ROUND_UNKNOWN'
  | 'ROUND_INDEX'
  | 'COUNT_INVALID'
  | 'INSTANT_INVALID'
  | 'REDEMPTION_MISMATCH'
  | 'VOUCHER_NOT_USABLE'
  | 'TOKEN_ID_UNSUPPORTED'
  | 'HMAC_INVALID'

export class VoucherError extends DomainError<VoucherErrorCode> {}

/** Claim counts, quotas and remaining stock are whole numbers ≥ 0; anything else is a caller bug. */
export function assertCount(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new VoucherError('COUNT_INVALID', `${field} 必须是不小于 0 的整数`, field)
  }
  return value
}

/** Instants are epoch milliseconds (the server clock); NaN would make every comparison false. */
export function assertInstant(value: number, field = 'at'): number {
  if (!Number.isFinite(value)) throw new VoucherError('INSTANT_INVALID', `${field} 不是有效的时间`, field)
  return value
}
