/** 民主测评: open rounds to answer — stars for each rating question, a grade for each member, comments. Answered once, anonymously. */
import { Button, DotLoading, Rate, Result, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api';
import { PartyPage } from './components';
import { useMembership, usePartyWrite, useRounds, type Round } from './data';

const grades = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;

export default function EvaluationsPage() {
  const { t } = useTranslation('party');
  const { membership } = useMembership();
  const rounds = useRounds(membership?.communityId);
  const open = (rounds.data?.items ?? []).filter((r) => r.state === 'open');
  return (
    <PartyPage title={t('app.evaluations')} testId="evaluations">
      {rounds.isPending ? <div className="r-center-block"><DotLoading color="primary" /></div> : open.length === 0 ? (
        <Result status="info" title={t('app.noEvaluations')} />
      ) : (
        open.map((r) => <Ballot key={r.id} round={r} selfId={membership?.member.id} />)
      )}
    </PartyPage>
  );
}

function Ballot({ round, selfId }: { round: Round; selfId: string | undefined }) {
  const { t } = useTranslation('party');
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [given, setGiven] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const submit = usePartyWrite((body: object) => api.post(`/evaluation-rounds/${round.id}/ballots`, body));
  if (round.submittedByMe) return <section className="r-card"><h2 className="r-card-title">{round.title}</h2><p className="r-line">{t('app.evaluated')}</p></section>;
  const subjects = round.subjects.filter((s) => s.memberId !== selfId);
  const send = () =>
    submit.mutate(
      { ratings, grades: given, comments },
      { onSuccess: () => Toast.show({ icon: 'success', content: t('app.evaluationSent') }), onError: (err) => Toast.show({ icon: 'fail', content: isApiError(err) ? err.message : String(err) }) },
    );
  return (
    <section className="r-card" data-testid="ballot">
      <h2 className="r-card-title">{round.title}</h2>
      <p className="r-line p-sub">{t('app.anonymousHint')}</p>
      {round.questions.map((q) => (
        <div key={q.key} className="p-question">
          <div className="p-row-title">{q.text}</div>
          {q.kind === 'rating' ? (
            <Rate value={ratings[q.key] ?? 0} onChange={(v) => setRatings((r) => ({ ...r, [q.key]: v }))} className="p-rate" />
          ) : (
            <TextArea value={comments[q.key] ?? ''} onChange={(v) => setComments((c) => ({ ...c, [q.key]: v }))} rows={3} maxLength={2000} />
          )}
        </div>
      ))}
      {subjects.map((s) => (
        <div key={s.memberId} className="p-question">
          <div className="p-row-title">{s.name}</div>
          <Selector columns={2} value={given[s.memberId] ? [given[s.memberId]!] : []} onChange={(v) => setGiven((g) => ({ ...g, [s.memberId]: v[0]! }))} options={grades.map((g) => ({ value: g, label: t(`grades.${g}`) }))} />
        </div>
      ))}
      <Button block color="primary" size="large" className="p-big-button" loading={submit.isPending} onClick={send}>{t('app.submitEvaluation')}</Button>
    </section>
  );
}
