import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiError } from './api'
import { Console } from './console'
import './contrast.css'

// The keyed resource cache: each page reads ['batches'], ['merchants', filter]… and a change
// invalidates exactly the keys it touched.
const queries = new QueryClient({
  defaultOptions: {
    queries: { retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{
        // WCAG AA contrast for links, danger buttons and secondary text (the defaults are lighter).
        token: { colorPrimary: '#1556c2', colorPrimaryHover: '#0f47a3', colorPrimaryActive: '#0c3a85', colorLink: '#1556c2', colorLinkHover: '#0f47a3', colorError: '#c0171d', colorTextDescription: 'rgba(0,0,0,0.66)', colorTextTertiary: 'rgba(0,0,0,0.62)', fontSize: 14 },
      }}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <Console />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
)
