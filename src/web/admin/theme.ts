/** The admin web's look: Ant Design with the party-building red as primary, CJK-first font stack. */
import type { ThemeConfig } from 'antd';

export const brandRed = '#c8102e';

export const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif";

export const adminTheme: ThemeConfig = {
  token: {
    colorPrimary: brandRed,
    colorLink: brandRed,
    colorInfo: '#1677ff',
    borderRadius: 6,
    fontFamily,
    colorBgLayout: '#f5f6fa',
  },
  components: {
    Layout: { siderBg: '#141b2d', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { darkItemBg: '#141b2d', darkSubMenuItemBg: '#0e1422', darkItemSelectedBg: brandRed, darkGroupTitleColor: 'rgba(255,255,255,0.45)' },
    Table: { headerBg: '#fafafa' },
    Card: { headerFontSize: 15 },
  },
};
