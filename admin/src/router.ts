/** Hash routes (#/batches, #/setup/<token>): a reload of any page works behind the API server. */
import { useEffect, useState } from 'react'

export function currentPath(): string {
  return window.location.hash.replace(/^#/, '') || '/'
}

export function navigate(path: string): void {
  window.location.hash = path
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath)
  useEffect(() => {
    const listener = () => setPath(currentPath())
    window.addEventListener('hashchange', listener)
    return () => window.removeEventListener('hashchange', listener)
  }, [])
  return path
}
