import { fireEvent, render, screen } from '@testing-library/react'
import { Pressable } from './pressable'

test('tap, Enter and Space press it; it is focusable and named', () => {
  const onPress = jest.fn()
  render(
    <Pressable onPress={onPress} label='删除这条行程'>
      ×
    </Pressable>,
  )
  const button = screen.getByRole('button', { name: '删除这条行程' })
  expect(button).toHaveAttribute('tabindex', '0')
  fireEvent.click(button)
  fireEvent.keyDown(button, { key: 'Enter' })
  fireEvent.keyDown(button, { key: ' ' })
  fireEvent.keyDown(button, { key: 'a' })
  expect(onPress).toHaveBeenCalledTimes(3)
})

test('disabled does nothing and leaves the tab order', () => {
  const onPress = jest.fn()
  render(
    <Pressable onPress={onPress} disabled>
      领取
    </Pressable>,
  )
  const button = screen.getByRole('button', { name: '领取' })
  fireEvent.click(button)
  expect(onPress).not.toHaveBeenCalled()
  expect(button).toHaveAttribute('aria-disabled', 'true')
  expect(button).toHaveAttribute('tabindex', '-1')
})

test('switch state is announced', () => {
  render(
    <Pressable role='switch' checked onPress={() => undefined}>
      长辈模式
    </Pressable>,
  )
  expect(screen.getByRole('switch')).toHaveAttribute('aria-checked', 'true')
})
