/**
 * One of my tickets: where it stands, who handles it and by when, the photos, the public timeline
 * (also of the ticket it was merged into), and — once resolved — big stars to rate it within 7 days.
 */
import { ClockCircleOutlined, EnvironmentOutlined, UserOutlined } from '@ant-design/icons';
import { Button, DotLoading, ErrorBlock, Image, ImageViewer, NavBar, NoticeBar, Rate, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRate, useTicket, type Ticket } from './data';
import { label, statusTone } from './labels';
import './tickets.css';

type EventView = Ticket['timeline'][number];

function Timeline({ events }: { events: EventView[] }) {
  const { t } = useTranslation('tickets');
  return (
    <Steps direction="vertical">
      {[...events].reverse().map((e) => (
        <Steps.Step
          key={e.id}
          status="finish"
          title={label(t, 'event', e.action)}
          description={
            <>
              <div className="tk-event-meta">
                {formatDateTime(e.at)} · {e.actorKind === 'system' ? t('event.system') : e.actorName}
              </div>
              {e.note && <div className="tk-event-note">{e.note}</div>}
            </>
          }
        />
      ))}
    </Steps>
  );
}

function RateCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const rate = useRate(ticket.id);
  return (
    <section className="r-card tk-rate" data-testid="rate-card">
      <h2 className="r-card-title">{t('resident.rateTitle')}</h2>
      <Rate value={stars} onChange={setStars} className="tk-stars" />
      <p className="tk-star-label">{stars ? label(t, 'resident.stars', String(stars)) : '\u00a0'}</p>
      <p className="r-line">{t('resident.rateHint')}</p>
      <TextArea value={comment} onChange={setComment} rows={2} maxLength={500} placeholder={t('resident.commentPlaceholder')} />
      <Button
        block
        color="primary"
        size="large"
        className="r-big-button tk-rate-submit"
        disabled={!stars}
        loading={rate.isPending}
        onClick={() =>
          rate.mutate(
            { rating: stars, ...(comment.trim() ? { comment: comment.trim() } : {}) },
            { onSuccess: () => void Toast.show({ icon: 'success', content: t('resident.rated') }), onError: (e) => void Toast.show({ content: isApiError(e) ? e.message : String(e) }) },
          )
        }
        data-testid="rate-submit"
      >
        {t('resident.rateSubmit')}
      </Button>
    </section>
  );
}

export default function TicketPage() {
  const { id } = useParams();
  const { t } = useTranslation('tickets');
  const navigate = useNavigate();
  const ticket = useTicket(id);
  const [viewing, setViewing] = useState<number | null>(null);

  if (ticket.isPending) {
    return (
      <div className="r-center-block">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (ticket.isError) return <ErrorBlock status="default" title={t('detail.notFound')} description={ticket.error.message} />;
  const x = ticket.data;
  const photos = x.photoIds.map((p) => `/api/v1/tickets/${x.id}/photos/${p}`);
  const open = ['submitted', 'accepted', 'reopened'].includes(x.status);

  return (
    <div className="r-page tk-page">
      <NavBar className="tk-navbar" onBack={() => void navigate('/tickets')}>
        {label(t, 'category', x.category.key, x.category.name)}
      </NavBar>
      <section className="r-card" data-testid="ticket-card">
        <div className="tk-head">
          <Tag color={statusTone[x.status]} className="tk-status tk-status-big" data-testid="ticket-status">
            {label(t, 'status', x.status)}
          </Tag>
          <span className="r-line">{label(t, 'kind', x.kind)}</span>
        </div>
        <p className="tk-desc">{x.description}</p>
        {x.buildingLabel && (
          <p className="r-line">
            <EnvironmentOutlined /> {x.buildingLabel}
            {x.location ? ` · ${x.location}` : ''}
          </p>
        )}
        {x.assignee && (
          <p className="r-line">
            <UserOutlined /> {t('resident.handler')}：{x.assignee.name}
          </p>
        )}
        {open && (
          <p className={x.overdue ? 'r-line tk-late' : 'r-line'}>
            <ClockCircleOutlined /> {t('resident.due', { when: formatDateTime(x.dueAt) })}
          </p>
        )}
        {photos.length > 0 && (
          <div className="tk-photo-row">
            {photos.map((src, i) => (
              <Image key={src} src={src} width={88} height={88} fit="cover" className="tk-thumb" onClick={() => setViewing(i)} />
            ))}
          </div>
        )}
        {x.resolution && <NoticeBar color="success" wrap content={`${t('fields.resolution')}：${x.resolution}`} />}
        {x.returnReason && <NoticeBar color="info" wrap content={`${t('fields.returnReason')}：${x.returnReason}`} />}
        {x.rating !== null && <p className="r-line">{'★'.repeat(x.rating)}{'☆'.repeat(5 - x.rating)} {x.ratingComment}</p>}
      </section>
      {x.actions.includes('rate') && <RateCard ticket={x} />}
      {x.master && (
        <section className="r-card">
          <NoticeBar color="info" wrap content={t('resident.mergedNote')} />
          <Timeline events={x.master.timeline} />
        </section>
      )}
      <section className="r-card" data-testid="resident-timeline">
        <h2 className="r-card-title">{t('resident.progress')}</h2>
        <Timeline events={x.timeline} />
      </section>
      <ImageViewer.Multi images={photos} visible={viewing !== null} defaultIndex={viewing ?? 0} onClose={() => setViewing(null)} />
    </div>
  );
}
