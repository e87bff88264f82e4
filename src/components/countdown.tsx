import { Text } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { formatCountdown } from '../domain/time/shanghai'

export interface CountdownProps {
  /** The instant counted down to (epoch ms, server clock). */
  until: number
  /** Server clock minus phone clock, so the count follows the server. */
  offsetMs?: number
  /** 'clock': '2天 03:04:05'; 'seconds': '12 秒'. */
  format?: 'clock' | 'seconds'
  /** Called once when the count reaches zero. */
  onDone?: () => void
  className?: string
}

function textFor(msLeft: number, format: 'clock' | 'seconds'): string {
  return format === 'seconds' ? `${Math.max(0, Math.ceil(msLeft / 1000))} 秒` : formatCountdown(msLeft)
}

/**
 * A count that ticks every second on its own, so only this Text re-renders — never the page
 * around it (one setData a second on weapp is a few bytes). Ticks land just after each whole
 * second of the remaining time, so the display never lags a second behind. role="timer" is not
 * announced on every tick (no aria-live), which would drown a screen reader.
 */
export function Countdown({ until, offsetMs = 0, format = 'clock', onDone, className }: CountdownProps) {
  const left = () => until - (Date.now() + offsetMs)
  const [text, setText] = useState(() => textFor(left(), format))
  const doneRef = useRef(onDone)
  doneRef.current = onDone

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = () => {
      const msLeft = until - (Date.now() + offsetMs)
      setText(textFor(msLeft, format))
      if (msLeft <= 0) {
        doneRef.current?.()
        return
      }
      timer = setTimeout(tick, (msLeft % 1000 || 1000) + 5)
    }
    tick()
    return () => clearTimeout(timer)
  }, [until, offsetMs, format])

  // Taro's TextProps has no `role`; the H5 span and screen readers take it all the same.
  const timerRole = { role: 'timer' } as Record<string, string>
  return (
    <Text className={className} {...timerRole}>
      {text}
    </Text>
  )
}
