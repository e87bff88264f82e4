/** A change sent to the API: on success a message, the cache keys it touched refetched, then `then`; on failure the server's words. */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { errorText } from './api'

export function useChange<T, R = unknown>(options: { send: (input: T) => Promise<R>; touches: string[]; success: string; then?: () => void }) {
  const queries = useQueryClient()
  const { message } = App.useApp()
  return useMutation({
    mutationFn: options.send,
    onSuccess: () => {
      void message.success(options.success)
      for (const key of options.touches) void queries.invalidateQueries({ queryKey: [key] })
      options.then?.()
    },
    onError: (error) => void message.error(errorText(error)),
  })
}
