/** An audit entry's changes: `{ field: { before, after } }` as a small table, anything else as JSON. */
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Diff = Record<string, { before?: unknown; after?: unknown }>;

const isDiff = (value: unknown): value is Diff =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => !!v && typeof v === 'object' && ('before' in v || 'after' in v));

const show = (value: unknown, empty: string) =>
  value === undefined || value === null || value === '' ? empty : typeof value === 'string' ? value : JSON.stringify(value);

export function ChangesView({ changes, reason }: { changes: unknown; reason: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="audit-changes">
      {reason && (
        <Typography.Paragraph>{t('auditLog.reasonLine', { reason })}</Typography.Paragraph>
      )}
      {changes === null || changes === undefined ? (
        <Typography.Text type="secondary">{t('auditLog.noChanges')}</Typography.Text>
      ) : isDiff(changes) ? (
        <Descriptions size="small" bordered column={1} styles={{ label: { width: 180 } }}>
          {Object.entries(changes).map(([field, diff]) => (
            <Descriptions.Item key={field} label={field}>
              <span className="diff-before">{show(diff.before, t('auditLog.emptyValue'))}</span>
              <span className="diff-arrow">→</span>
              <span className="diff-after">{show(diff.after, t('auditLog.emptyValue'))}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : (
        <pre className="json-block">{JSON.stringify(changes, null, 2)}</pre>
      )}
    </div>
  );
}
