/**
 * Paging for keyset (cursor) lists: the API gives a `nextCursor`, so pages go forward one at a
 * time and back through the cursors already seen. Changing a filter starts again at page 1.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function useCursorPaging(initialSize = 20) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [size, setSizeState] = useState(initialSize);
  const reset = useCallback(() => setCursors([undefined]), []);
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    size,
    next: (nextCursor: string) => setCursors((c) => [...c, nextCursor]),
    prev: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    reset,
    setSize: (n: number) => {
      setSizeState(n);
      setCursors([undefined]);
    },
  };
}

export type CursorPaging = ReturnType<typeof useCursorPaging>;

export function CursorPager({ paging, nextCursor, shown, loading }: { paging: CursorPaging; nextCursor: string | null | undefined; shown: number; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="cursor-pager" data-testid="cursor-pager">
      <Typography.Text type="secondary">{t('paging.showing', { page: paging.page, count: shown })}</Typography.Text>
      <Space>
        <Button icon={<LeftOutlined />} disabled={paging.page <= 1 || loading} onClick={paging.prev}>
          {t('paging.prev')}
        </Button>
        <Button disabled={!nextCursor || loading} onClick={() => nextCursor && paging.next(nextCursor)} data-testid="pager-next">
          {t('paging.next')}
          <RightOutlined />
        </Button>
        <Select
          value={paging.size}
          onChange={paging.setSize}
          options={[10, 20, 50, 100].map((n) => ({ value: n, label: t('paging.perPage', { count: n }) }))}
          className="pager-size"
        />
      </Space>
    </div>
  );
}
