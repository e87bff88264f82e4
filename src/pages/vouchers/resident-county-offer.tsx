import { View } from '@tarojs/components'
import { ErrorLine } from '@/components/error-line'
import { Pressable } from '@/components/pressable'
import { useBusyAction } from '@/components/use-busy-action'
import { countyName } from '@/domain/events/places'
import type { VoucherCountyCode } from '@/domain/vouchers/places'
import { useVoucherClaimsStore } from '@/store/voucher-claims'

export interface ResidentCountyOfferProps {
  /** The counties whose residents may claim this batch. */
  counties: readonly VoucherCountyCode[]
  /** After the county is saved: claim again (a new tap, so a new key). */
  onDeclared: () => void
}

/**
 * A batch only for some counties' residents refused the claim (NOT_ELIGIBLE) — usually because
 * the server does not know where this person lives. They may say so themselves (the server keeps
 * it as their own statement) and try again.
 */
export function ResidentCountyOffer({ counties, onDeclared }: ResidentCountyOfferProps) {
  const { busy: saving, error, run } = useBusyAction()
  const declare = (county: VoucherCountyCode) =>
    run(async () => {
      await useVoucherClaimsStore.getState().declareResidentCounty(county)
      onDeclared()
    })
  return (
    <View className='county-offer' role='group' aria-label='声明所在区县'>
      <View className='caption'>如果您住在这里，选择后再领一次（本人声明，只用于判断领取资格）：</View>
      {counties.map((county) => (
        <Pressable
          key={county}
          className='button button--secondary county-offer__choice'
          disabled={saving}
          onPress={() => void declare(county)}
        >
          我是{countyName(county)}居民
        </Pressable>
      ))}
      <ErrorLine message={error} />
    </View>
  )
}
