import { useEffect, useState } from 'react'
import { drawShareCard, type ShareCardText } from '@/services/platform/share-image'
import type { ShareImage } from '@/services/share'

/**
 * Draws the 5:4 share picture once `card` is known (and again when its words change), so that
 * 转发 usually finds it ready; while it is still drawing the share passes the drawing as its
 * `promise` (shareMessage). null card: no picture (WeChat's screenshot is used).
 */
export function useShareImage(card: ShareCardText | null): ShareImage {
  const key = card ? JSON.stringify(card) : ''
  const [image, setImage] = useState<ShareImage>({ url: null, pending: null })
  useEffect(() => {
    if (!key) {
      setImage({ url: null, pending: null })
      return
    }
    let live = true
    const pending = drawShareCard(JSON.parse(key) as ShareCardText)
    setImage({ url: null, pending })
    void pending.then((url) => {
      if (live) setImage({ url, pending: null })
    })
    return () => {
      live = false
    }
  }, [key])
  return image
}
