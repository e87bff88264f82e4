import { View } from '@tarojs/components'
import { navigate } from '../services/navigation'
import { Pressable } from './pressable'
import './search-entry.scss'

/** Looks like a search box, opens the search page: the box itself lives in the search subpackage. */
export function SearchEntry() {
  return (
    <Pressable className='search-entry' role='link' label='搜索补贴、活动、商户、收费站' onPress={() => navigate('search')}>
      <View className='search-entry__icon' aria-hidden='true' />
      <View className='search-entry__text'>搜补贴、活动、商户、收费站，如 kt</View>
    </Pressable>
  )
}
