import { View } from '@tarojs/components'
import { MERCHANT_CATEGORIES, VOUCHER_COUNTIES, type MerchantCategory, type VoucherCountyCode } from '@/domain/vouchers/places'
import { FilterTabs } from './filter-tabs'

export type CountyFilter = VoucherCountyCode | 'all'
export type CategoryFilter = MerchantCategory | 'all'

export interface MerchantFiltersProps {
  county: CountyFilter
  onCounty: (county: CountyFilter) => void
  /** Omit to hide the category row. */
  category?: CategoryFilter
  onCategory?: (category: CategoryFilter) => void
  /** Only these counties / categories (a batch's), else all. */
  counties?: readonly VoucherCountyCode[]
  categories?: readonly MerchantCategory[]
}

/** 区县 and 类别 as rows of filters, always visible (no picker pop-up, 适老化). */
export function MerchantFilters({ county, onCounty, category, onCategory, counties, categories }: MerchantFiltersProps) {
  const countyOptions = [
    { value: 'all' as CountyFilter, title: '全部区县' },
    ...VOUCHER_COUNTIES.filter((item) => !counties || counties.includes(item.code)).map((item) => ({ value: item.code as CountyFilter, title: item.name })),
  ]
  const categoryOptions = [
    { value: 'all' as CategoryFilter, title: '全部类别' },
    ...MERCHANT_CATEGORIES.filter((item) => !categories || categories.includes(item.code)).map((item) => ({ value: item.code as CategoryFilter, title: item.name })),
  ]
  return (
    <View className='merchant-filters'>
      <View className='merchant-filters__label'>区县</View>
      <FilterTabs label='按区县筛选' options={countyOptions} value={county} onChange={onCounty} />
      {category !== undefined && onCategory ? (
        <>
          <View className='merchant-filters__label'>类别</View>
          <FilterTabs label='按类别筛选' options={categoryOptions} value={category} onChange={onCategory} />
        </>
      ) : null}
    </View>
  )
}
