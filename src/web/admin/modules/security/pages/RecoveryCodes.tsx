/** The recovery codes, shown exactly once: copy them, download them, then confirm they are kept. */
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export function RecoveryCodes({ codes, username, onDone }: { codes: string[]; username: string; onDone: () => void }) {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const text = codes.join('\n');
  const copy = () =>
    void navigator.clipboard.writeText(text).then(
      () => message.success(t('recovery.copied')),
      () => message.error(t('recovery.copyFailed')),
    );
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${t('recovery.fileHeader', { username })}\n\n${text}\n`], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `tongxin-recovery-codes-${username}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div data-testid="recovery-codes">
      <Alert type="warning" showIcon message={t('recovery.title')} description={t('recovery.hint')} />
      <ol className="sec-recovery-codes">
        {codes.map((c) => (
          <li key={c} className="mono">
            {c}
          </li>
        ))}
      </ol>
      <Space wrap>
        <Button icon={<CopyOutlined />} onClick={copy}>
          {t('recovery.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('recovery.download')}
        </Button>
        <Button type="primary" onClick={onDone} data-testid="recovery-done">
          {t('recovery.done')}
        </Button>
      </Space>
    </div>
  );
}
