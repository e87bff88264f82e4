/**
 * The picture on a share card (H5). Browsers have no share card: the H5 build draws nothing and
 * the page's share hooks are no-ops there. The weapp build uses share-image.weapp.ts.
 */
import type { ShareCardText } from './share-card-text'

export type { ShareCardText } from './share-card-text'

export function drawShareCard(_card: ShareCardText): Promise<string | null> {
  return Promise.resolve(null)
}
