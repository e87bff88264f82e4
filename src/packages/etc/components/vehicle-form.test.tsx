import { fireEvent, render, screen } from '@testing-library/react'
import { useEtcVehicleStore } from '@/store/etc-vehicle'
import { VehicleForm } from './vehicle-form'

beforeEach(() => {
  localStorage.clear()
  useEtcVehicleStore.setState({ plateText: '', vehicleClass: null, etcCard: null })
})

test('vehicle classes in plain words, class 1 with everyday examples', () => {
  render(<VehicleForm />)
  expect(screen.getAllByRole('radio', { name: /客车/ })).toHaveLength(4)
  expect(screen.getByRole('radio', { name: '一类客车（9 座及以下小客车）：家用轿车、SUV、7 座商务车都是这一类' })).toBeInTheDocument()
})

test('choices go straight to the store', () => {
  render(<VehicleForm />)
  fireEvent.click(screen.getByRole('radio', { name: /二类客车/ }))
  fireEvent.click(screen.getByRole('radio', { name: /不使用 ETC/ }))
  fireEvent.input(screen.getByRole('textbox', { name: '车牌号' }), { target: { value: '浙h12345' } })
  expect(useEtcVehicleStore.getState()).toMatchObject({ plateText: '浙h12345', vehicleClass: 2, etcCard: 'none' })
})

test('a stored plate that does not parse shows its error straight away', () => {
  useEtcVehicleStore.setState({ plateText: '浙H12' })
  render(<VehicleForm />)
  expect(screen.getByRole('alert')).toHaveTextContent('车牌号位数不够')
})
