/** Full-width letters, digits and punctuation (ＺＨ１２．) become ASCII, and the ideographic space a space, without String.normalize, which old WebViews lack. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}
