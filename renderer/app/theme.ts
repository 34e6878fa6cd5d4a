import type { ThemeConfig } from 'antd';

export const FONT_FAMILY = '"Microsoft YaHei UI","Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif';

/** Calm, dense office look: government blue, small radii, compact controls. */
export const theme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: '#1f5fa9',
    colorLink: '#1f5fa9',
    borderRadius: 4,
    fontSize: 14,
    controlHeight: 30,
  },
  components: {
    Layout: { headerBg: '#16406f', headerHeight: 52, headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: '#f0f2f5' },
    Menu: { itemHeight: 40, itemMarginInline: 6, itemBorderRadius: 4 },
    Table: { cellPaddingBlockSM: 6, headerBg: '#f5f7fa' },
    Card: { paddingLG: 16 },
  },
};
