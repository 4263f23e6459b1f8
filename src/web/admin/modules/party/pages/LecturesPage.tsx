/**
 * 微党课: figures computed from the records (issues held, attendance, lectured share), the lecture
 * calendar, the member × lecture attendance heat map, per-lecture attendance and the rotation plan.
 */
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../../../shared/me';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, Figure, percent, useCommunity } from '../components';
import { useLectureStats, useRotation, type Rotation } from '../data';
import { EChart, type ChartOption } from '../EChart';
import { AttendanceHeatmap } from './AttendanceHeatmap';
import { LectureCalendar } from './LectureCalendar';
import { LectureDrawer } from './LectureDrawer';
import { LectureFormModal } from './LectureFormModal';
import { SettingsModal } from './SettingsModal';

export default function LecturesPage() {
  const { t } = useTranslation('party');
  const { data: me } = useMe();
  const [communityId, setCommunityId] = useCommunity();
  const stats = useLectureStats({ communityId });
  const manage = can(me, 'micro_lecture.manage');
  const rotation = useRotation(communityId, manage);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState<{ lecturerMemberId?: string; scheduledAt?: string } | null>(null);
  const [settings, setSettings] = useState(false);
  const s = stats.data;

  const perLecture = useMemo<ChartOption>(() => {
    const rows = s?.perLecture ?? [];
    return {
      grid: { left: 48, right: 16, top: 24, bottom: 56 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
      xAxis: { type: 'category', data: rows.map((r) => t('lectures.issue', { no: r.issueNo })) },
      yAxis: { type: 'value', min: 50, max: 100, axisLabel: { formatter: '{value}%' } },
      dataZoom: [{ type: 'slider', start: Math.max(0, 100 - (26 / Math.max(rows.length, 1)) * 100), end: 100 }],
      series: [
        {
          type: 'bar',
          name: t('lectures.attendance'),
          data: rows.map((r) => Math.round(r.rate * 1000) / 10),
          itemStyle: { color: '#c8161d' },
          markLine: { symbol: 'none', data: [{ yAxis: 90, name: '90%' }], lineStyle: { color: '#faad14', type: 'dashed' }, label: { formatter: '90%' } },
        },
      ],
    };
  }, [s, t]);

  return (
    <PageContainer
      title={t('nav.partyLectures')}
      description={t('lectures.description')}
      extra={
        <Space>
          <CommunitySelect value={communityId} onChange={setCommunityId} />
          {can(me, 'party_settings.manage') && <Button icon={<SettingOutlined />} onClick={() => setSettings(true)}>{t('settings.title')}</Button>}
          {manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({})} data-testid="lecture-create">{t('lectures.create')}</Button>}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={12} lg={5}><Figure title={t('lectures.held')} value={s?.lectures ?? '—'} suffix={t('lectures.issues')} testId="figure-lectures" /></Col>
        <Col xs={12} lg={5}><Figure title={t('lectures.members')} value={s?.members ?? '—'} testId="figure-members" /></Col>
        <Col xs={12} lg={5}><Figure title={t('lectures.attendanceRate')} value={s ? percent(s.attendanceRate) : '—'} testId="figure-attendance" /></Col>
        <Col xs={12} lg={5}><Figure title={t('lectures.lecturedShare')} value={s ? percent(s.lecturedShare) : '—'} hint={s && t('lectures.lecturedOf', { n: s.lecturedMembers, total: s.members })} testId="figure-lectured" /></Col>
        <Col xs={24} lg={4}><Figure title={t('lectures.atLeast90')} value={s ? `${s.lecturesAtLeast90}/${s.lectures}` : '—'} /></Col>
      </Row>
      <Card variant="borderless" className="party-section">
        <Tabs
          items={[
            { key: 'calendar', label: t('lectures.calendar'), children: <LectureCalendar communityId={communityId} onOpen={setOpen} /> },
            { key: 'heatmap', label: t('lectures.heatmap'), children: <AttendanceHeatmap communityId={communityId} /> },
            { key: 'attendance', label: t('lectures.perLecture'), children: s?.perLecture.length ? <EChart option={perLecture} height={360} testId="chart-per-lecture" /> : <Empty /> },
            ...(manage ? [{ key: 'rotation', label: t('lectures.rotation'), children: <RotationList rotation={rotation.data} onPlan={(slot) => setCreating({ lecturerMemberId: slot.member.id, scheduledAt: slot.scheduledAt })} /> }] : []),
          ]}
        />
      </Card>
      {open && <LectureDrawer lectureId={open} onClose={() => setOpen(null)} />}
      {creating && <LectureFormModal communityId={communityId} initial={creating} onClose={() => setCreating(null)} />}
      {settings && <SettingsModal communityId={communityId} onClose={() => setSettings(false)} />}
    </PageContainer>
  );
}

function RotationList({ rotation, onPlan }: { rotation: Rotation | undefined; onPlan: (slot: Rotation['slots'][number]) => void }) {
  const { t } = useTranslation('party');
  return (
    <>
      <Typography.Paragraph type="secondary">{t('lectures.rotationHint')}</Typography.Paragraph>
      <List
        dataSource={rotation?.slots ?? []}
        loading={!rotation}
        data-testid="rotation"
        renderItem={(slot) => (
          <List.Item actions={[<Button key="plan" type="link" onClick={() => onPlan(slot)}>{t('lectures.plan')}</Button>]}>
            <List.Item.Meta
              title={`${dayjs(slot.scheduledAt).format('YYYY-MM-DD ddd HH:mm')} · ${slot.member.name}`}
              description={slot.member.lecturesGiven === 0 ? t('lectures.neverLectured', { org: slot.member.orgName }) : t('lectures.lastLectured', { org: slot.member.orgName, count: slot.member.lecturesGiven, date: dayjs(slot.member.lastLecturedAt).format('YYYY-MM-DD') })}
            />
          </List.Item>
        )}
      />
    </>
  );
}
