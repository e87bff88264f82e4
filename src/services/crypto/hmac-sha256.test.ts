/** @jest-environment node */
import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { hmacSha256, utf8Bytes } from './hmac-sha256'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

test('RFC 4231 test case 2 (key "Jefe")', () => {
  expect(hex(hmacSha256(utf8Bytes('Jefe'), 'what do ya want for nothing?'))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
})

test('property: the phone and the server (node:crypto) compute the same HMAC for any key and text', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 80 }), fc.string({ unit: 'binary' }), (key, message) => {
      return hex(hmacSha256(key, message)) === createHmac('sha256', key).update(message, 'utf8').digest('hex')
    }),
  )
})

test('utf8Bytes matches Buffer for any text, including CJK and astral characters', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => hex(utf8Bytes(text)) === Buffer.from(text, 'utf8').toString('hex')))
  expect(hex(utf8Bytes('券𠀋'))).toBe(Buffer.from('券𠀋').toString('hex'))
})
