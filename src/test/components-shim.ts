// Jest's stand-in for '@tarojs/components': the React build used by H5. View comes first and
// straight from its own module — several components-react modules import { View } back from
// '@tarojs/components', which would otherwise be a half-loaded CommonJS cycle.
export { default as View } from '@tarojs/components-react/dist/components/view/index.js'
export * from '@tarojs/components-react'
import { createElement, forwardRef } from 'react'
import { Input as ReactInput } from '@tarojs/components-react'

/**
 * The H5 build's <taro-input-core> spreads `nativeProps` onto its inner <input> — the way an H5
 * input gets its aria-label — while the React build would pass the object on as an unknown DOM
 * prop. Do here what the real component does.
 */
export const Input = forwardRef<unknown, Record<string, unknown>>(function Input({ nativeProps, ...props }, ref) {
  return createElement(ReactInput as never, { ...props, ...((nativeProps as Record<string, unknown> | undefined) ?? {}), ref })
})

/**
 * <taro-textarea-core> is a Stencil element that jsdom never hydrates, so its inner <textarea>
 * (which gets `nativeProps`, as on H5) would not exist. A plain <textarea> that reports input the
 * way Taro does (`event.detail.value`).
 */
export const Textarea = forwardRef<unknown, Record<string, unknown>>(function Textarea(
  { nativeProps, onInput, maxlength, className, value, placeholder },
  ref,
) {
  return createElement('textarea', {
    ...((nativeProps as Record<string, unknown> | undefined) ?? {}),
    ref,
    className,
    value,
    placeholder,
    maxLength: maxlength,
    onChange: (event: { target: { value: string } }) => (onInput as ((event: { detail: { value: string } }) => void) | undefined)?.({ detail: { value: event.target.value } }),
  })
})
