import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Grid, Layout, Menu, Skeleton, Space, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { meQuery, signOut } from '../shared/api/session';
import { useI18n } from '../shared/i18n/i18n';
import { PageSkeleton } from '../shared/ui/PageSkeleton';
import { menuFor } from './navigation';

/** The signed-in frame: the role's menu, language switch, sign-out, and the screen. */
export function Shell() {
  const { t, language, setLanguage } = useI18n();
  const { data: me } = useQuery(meQuery);
  const location = useLocation();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = me ? menuFor(me.user, t) : [];
  const selected = items
    .map((item) => item.key)
    .filter((key) => location.pathname.startsWith(key))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  const menu = me ? (
    <Menu
      mode={phone ? 'inline' : 'horizontal'}
      selectedKeys={selected}
      items={items.map(({ key, label }) => ({ key, label: <Link to={key}>{label}</Link> }))}
      onClick={() => setDrawerOpen(false)}
      style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
    />
  ) : (
    <Skeleton.Input active size="small" style={{ width: 320 }} />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#fff', paddingInline: 16 }}
      >
        {phone && (
          <Button
            icon={<MenuOutlined />}
            aria-label="menu"
            onClick={() => setDrawerOpen(true)}
            type="text"
          />
        )}
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Text>
        {phone ? (
          <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={260}>
            {menu}
          </Drawer>
        ) : (
          menu
        )}
        <Space style={{ marginLeft: 'auto' }}>
          {me && !phone && (
            <Typography.Text type="secondary">
              {me.user.name} · {t(`role.${me.user.role}`)}
            </Typography.Text>
          )}
          <Button type="link" onClick={() => setLanguage(language === 'zh-CN' ? 'en-US' : 'zh-CN')}>
            {t('app.language')}
          </Button>
          <Button onClick={() => void signOut().then(() => navigate('/login'))}>{t('app.signOut')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: phone ? 8 : 24, maxWidth: 1440, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
