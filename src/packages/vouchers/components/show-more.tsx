import { Pressable } from '@/components/pressable'

/** 显示更多 under a long list, saying how many are still hidden; nothing when none are. */
export function ShowMore({ hidden, unit, onPress }: { hidden: number; unit: string; onPress: () => void }) {
  if (hidden <= 0) return null
  return (
    <Pressable className='button button--secondary' onPress={onPress}>
      显示更多（还有 {hidden} {unit}）
    </Pressable>
  )
}
