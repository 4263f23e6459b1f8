/** One household on the supervisor's list: two big buttons, or what was recorded and a way to change it. */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { PointHousehold } from './data';

interface Props {
  row: PointHousehold;
  busy: boolean;
  onCorrect: () => void;
  onIncorrect: () => void;
}

export function HouseholdRow({ row, busy, onCorrect, onIncorrect }: Props) {
  const { t } = useTranslation('waste');
  const r = row.record;
  return (
    <div className={`w-household ${r ? `w-household-done w-household-${r.result}` : ''}`} data-testid="household-row" data-recorded={r ? r.result : 'none'}>
      <div className="w-household-address">{row.address}</div>
      {r ? (
        <div className="w-household-result">
          <span className="w-result-mark">
            {r.result === 'correct' ? <CheckCircleFilled /> : <CloseCircleFilled />} {t(`results.${r.result}`)}
            {r.issue ? ` · ${t(`issues.${r.issue as 'mixed'}`)}` : ''}
          </span>
          <Button size="middle" fill="outline" className="w-change" disabled={busy} onClick={r.result === 'correct' ? onIncorrect : onCorrect}>
            {r.result === 'correct' ? t('supervise.changeToIncorrect') : t('supervise.changeToCorrect')}
          </Button>
        </div>
      ) : (
        <div className="w-household-buttons">
          <Button className="w-big w-big-correct" disabled={busy} onClick={onCorrect} data-testid="record-correct">
            <CheckCircleFilled /> {t('supervise.correct')}
          </Button>
          <Button className="w-big w-big-incorrect" disabled={busy} onClick={onIncorrect} data-testid="record-incorrect">
            <CloseCircleFilled /> {t('supervise.incorrect')}
          </Button>
        </div>
      )}
    </div>
  );
}
