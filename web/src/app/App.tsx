import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { queryClient } from '../shared/api/query-client';
import { I18nProvider, useI18n } from '../shared/i18n/i18n';
import { AuthProvider } from './auth';
import { routes } from './routes';
import { nonceInsertedStyles, styleNonce } from './style-nonce';

const router = createBrowserRouter(routes);

nonceInsertedStyles(styleNonce);

function Themed() {
  const { language } = useI18n();
  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      csp={{ nonce: styleNonce }}
      // Browser tests and screen readers get the label as written: 提交, not 提 交.
      button={{ autoInsertSpace: false }}
      // Dialogs hold forms: a click beside one (also the one that lands there when a dropdown
      // closes under the pointer) must not throw the input away. Esc and × still close them.
      modal={{ mask: { closable: false } }}
      theme={{ token: { colorPrimary: '#0f766e', borderRadius: 6 } }}
    >
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
