/** 记录走访: the kind (one big button, routine preselected), what was found, whether to follow up, 提交. */
import { Button, NavBar, Result, Switch, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { newIdempotencyKey, useRecordVisit, type VisitKind } from './data';
import './places.css';

type LooseT = (key: string, options?: Record<string, unknown>) => string;
const kinds: VisitKind[] = ['routine', 'care', 'survey', 'follow_up', 'other'];

export default function VisitFormPage() {
  const { t } = useTranslation('places');
  const lt = t as unknown as LooseT;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const householdId = params.get('household');
  const residentId = params.get('resident');
  const [key, setKey] = useState(newIdempotencyKey);
  const record = useRecordVisit(key);
  const [kind, setKind] = useState<VisitKind>('routine');
  const [findings, setFindings] = useState('');
  const [followUp, setFollowUp] = useState(false);

  if (!householdId) {
    return (
      <div className="r-page pv-page">
        <Result status="warning" title={lt('mobile.pickFirst')} />
        <Button block size="large" onClick={() => void navigate('/visits')}>{lt('mobile.back')}</Button>
      </div>
    );
  }
  if (record.isSuccess) {
    return (
      <div className="r-page pv-page">
        <div data-testid="visit-saved">
          <Result status="success" title={lt('mobile.saved')} description={lt('mobile.savedHint', { name: params.get('name') ?? '' })} />
        </div>
        <div className="r-actions">
          <Button block size="large" color="primary" onClick={() => void navigate('/visits', { replace: true })} data-testid="visit-next">
            {lt('mobile.next')}
          </Button>
          <Button
            block
            size="large"
            onClick={() => {
              record.reset();
              setKey(newIdempotencyKey());
              setFindings('');
              setFollowUp(false);
            }}
          >
            {lt('mobile.another')}
          </Button>
        </div>
      </div>
    );
  }
  const submit = () =>
    record.mutate(
      { householdId, residentId, kind, findings: findings.trim(), followUpNeeded: followUp },
      { onError: (e) => Toast.show({ icon: 'fail', content: e.message }) },
    );
  return (
    <div className="r-page pv-page">
      <NavBar className="pv-navbar" onBack={() => void navigate('/visits')}>
        {lt('mobile.formTitle')}
      </NavBar>
      <div className="r-card">
        <div className="pv-who" data-testid="visit-who">{params.get('name')}</div>
        <div className="pv-address">{params.get('address')}</div>
      </div>
      <div className="pv-step">{lt('mobile.kind')}</div>
      <div className="pv-kinds" role="radiogroup">
        {kinds.map((k) => (
          <button key={k} type="button" role="radio" aria-checked={kind === k} className={`pv-kind ${kind === k ? 'pv-kind-on' : ''}`} onClick={() => setKind(k)} data-testid={`kind-${k}`}>
            {lt(`visitKinds.${k}`)}
          </button>
        ))}
      </div>
      <div className="pv-step">{lt('mobile.findings')}</div>
      <TextArea className="pv-text" value={findings} onChange={setFindings} maxLength={2000} showCount rows={4} placeholder={lt('mobile.findingsPlaceholder')} data-testid="visit-findings" />
      <label className="pv-follow">
        <span>{lt('mobile.followUp')}</span>
        <Switch checked={followUp} onChange={setFollowUp} data-testid="visit-follow-up" />
      </label>
      <div className="r-actions">
        <Button block size="large" color="primary" loading={record.isPending} onClick={submit} data-testid="visit-submit">
          {lt('mobile.submit')}
        </Button>
      </div>
    </div>
  );
}
