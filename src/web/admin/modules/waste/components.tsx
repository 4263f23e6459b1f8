/** Small pieces the waste pages share: bins by kind and colour, result tags, community picker. */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DropPoint } from './data';
import { binKinds, binTagColor, type BinKind } from './kinds';

export const fenToYuan = (fen: number): string => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const percent = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

export function countBins(bins: DropPoint['bins']): Record<BinKind, number> {
  const counts = { hazardous: 0, recyclable: 0, kitchen: 0, residual: 0 };
  for (const b of bins) if (b.status !== 'removed') counts[b.kind] += 1;
  return counts;
}

/** "有害 1 · 可回收 1 · 厨余 4 · 其他 8" as coloured tags. */
export function BinSummary({ bins }: { bins: DropPoint['bins'] }) {
  const { t } = useTranslation('waste');
  const counts = countBins(bins);
  return (
    <Space size={[2, 4]} wrap>
      {binKinds.map((kind) => (
        <Tag key={kind} color={binTagColor[kind]} bordered={false} className="waste-bin-tag">
          {t(`kindsShort.${kind}`)} {counts[kind]}
        </Tag>
      ))}
    </Space>
  );
}

/** Every bin of a point as a coloured block with its code, grouped by kind. */
export function BinGrid({ bins }: { bins: DropPoint['bins'] }) {
  const { t } = useTranslation('waste');
  return (
    <div className="waste-bin-grid" data-testid="bin-grid">
      {binKinds.map((kind) => {
        const own = bins.filter((b) => b.kind === kind);
        return (
          <div key={kind} className="waste-bin-row">
            <span className={`waste-bin-kind waste-kind-${kind}`}>
              {t(`kinds.${kind}`)} · {t('points.binCount', { count: own.length })}
            </span>
            <span className="waste-bins">
              {own.map((b) => (
                <Tooltip key={b.id} title={`${b.code} · ${t(`binStatus.${b.status}`)}`}>
                  <span className={`waste-bin waste-kind-${kind} waste-bin-${b.status}`} aria-label={b.code} />
                </Tooltip>
              ))}
            </span>
          </div>
        );
      })}
    </div>
  );
}

export function ResultTag({ result, issue }: { result: 'correct' | 'incorrect'; issue?: string | null }) {
  const { t } = useTranslation('waste');
  return result === 'correct' ? (
    <Tag icon={<CheckCircleFilled />} color="success" bordered={false}>
      {t('results.correct')}
    </Tag>
  ) : (
    <Tag icon={<CloseCircleFilled />} color="error" bordered={false}>
      {t('results.incorrect')}
      {issue ? ` · ${t(`issues.${issue as 'mixed'}`)}` : ''}
    </Tag>
  );
}

/** A community filter, shown only when the caller works in more than one community. */
export function CommunitySelect(props: { communities: { id: string; name: string }[]; value: string | undefined; onChange: (id: string | undefined) => void; allowAll?: boolean }) {
  const { t } = useTranslation('waste');
  if (props.communities.length <= 1) return props.communities[0] ? <Typography.Text strong>{props.communities[0].name}</Typography.Text> : null;
  return (
    <Select
      allowClear={props.allowAll}
      className="toolbar-select wide"
      placeholder={props.allowAll ? t('common.allCommunities') : t('common.pickCommunity')}
      value={props.value}
      onChange={props.onChange}
      options={props.communities.map((c) => ({ value: c.id, label: c.name }))}
      data-testid="community-select"
    />
  );
}
