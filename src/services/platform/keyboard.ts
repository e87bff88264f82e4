/**
 * The Input type for amounts typed in yuan. On H5 a plain text field: a browser's number field
 * throws away what it cannot parse (the raw text WECHAT.md pitfall 4 says to keep, so the domain
 * can say what is wrong with "26,5"). The weapp build uses keyboard.weapp.ts.
 */
export const DECIMAL_INPUT_TYPE = 'text' as const
