/**
 * Vouchers of clause 十五 (发放消费券 1.1 亿元): batch rules as data, and the pure decisions the
 * server makes and the app explains — round state, claim, validity, redemption, refund, quota
 * return, the best voucher for a bill — plus the signed redemption code. See each file's header
 * for the rule it implements.
 */
export * from './places'
export * from './schema'
export * from './errors'
export * from './validity'
export * from './rounds'
export * from './claim'
export * from './applicability'
export * from './redemption'
export * from './refund'
export * from './best-voucher'
export * from './redemption-token'
export * from './rules-text'
export * from './samples'
