/**
 * Create a drop point (with seed 003's 1/1/4/8 bin set by default) or edit one: name, place,
 * opening hours, the buildings it serves (a building belongs to one point), open or closed.
 */
import { Alert, App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waste } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { blankToNull, showFieldErrors, zodRule } from '../../../components/forms';
import { useBuildings, useCreateDropPoint, useUpdateDropPoint, type BinCounts, type DropPoint } from '../data';
import { binKinds, defaultBins } from '../kinds';

interface Values {
  communityId: string;
  name: string;
  location?: string | null;
  hours?: string | null;
  buildingIds: string[];
  bins: BinCounts;
  status: 'active' | 'closed';
}

interface Props {
  point: DropPoint | null;
  communities: { id: string; name: string }[];
  defaultCommunityId?: string;
  /** Points already known, to show which buildings another point serves. */
  points: DropPoint[];
  onClose: () => void;
}

export function DropPointFormModal({ point, communities, defaultCommunityId, points, onClose }: Props) {
  const { t } = useTranslation('waste');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDropPoint();
  const update = useUpdateDropPoint();
  const [error, setError] = useState<string | null>(null);
  const communityId = Form.useWatch('communityId', form) ?? point?.communityId ?? defaultCommunityId ?? communities[0]?.id;
  const buildings = useBuildings(communityId);
  const body = waste.CreateDropPointBody.shape;

  const servedElsewhere = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of points) if (p.id !== point?.id) for (const b of p.buildingIds) map.set(b, p.name);
    return map;
  }, [points, point]);

  const buildingOptions = (buildings.data ?? [])
    .slice()
    .sort((a, b) => `${a.estateName}${a.name}`.localeCompare(`${b.estateName}${b.name}`, 'zh-CN', { numeric: true }))
    .map((b) => {
      const other = servedElsewhere.get(b.id);
      return { value: b.id, label: `${b.estateName} ${b.name}${other ? ` (${t('form.servedBy', { name: other })})` : ''}`, disabled: !!other };
    });

  const submit = async (values: Values) => {
    setError(null);
    const fields = blankToNull({ name: values.name, location: values.location, hours: values.hours });
    try {
      if (point) {
        await update.mutateAsync({ id: point.id, version: point.version, ...fields, buildingIds: values.buildingIds, status: values.status });
      } else {
        await create.mutateAsync({ communityId: values.communityId ?? communityId, ...fields, buildingIds: values.buildingIds ?? [], bins: values.bins });
      }
      message.success(tc('common.saved'));
      onClose();
    } catch (err) {
      if (isApiError(err, 'version_conflict')) setError(tc('errors.versionConflict'));
      else if (!showFieldErrors(form, err, tc)) setError(isApiError(err) ? err.message : String(err));
    }
  };

  const binTotal = Form.useWatch('bins', form);
  const total = binTotal ? binKinds.reduce((n, k) => n + (binTotal[k] ?? 0), 0) : 14;

  return (
    <Modal
      open
      title={point ? t('form.editTitle', { name: point.name }) : t('points.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'point-form-submit' } as Record<string, string>}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon className="form-alert" message={error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        data-testid="point-form"
        initialValues={
          point
            ? { communityId: point.communityId, name: point.name, location: point.location, hours: point.hours, buildingIds: point.buildingIds, status: point.status }
            : { communityId, bins: defaultBins, buildingIds: [], hours: '07:00-09:00, 18:00-20:30' }
        }
      >
        {!point && communities.length > 1 && (
          <Form.Item name="communityId" label={t('points.fields.community')} rules={[zodRule(body.communityId, tc)]} required>
            <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} onChange={() => form.setFieldValue('buildingIds', [])} />
          </Form.Item>
        )}
        {!point && communities.length <= 1 && (
          <Form.Item name="communityId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('points.fields.name')} rules={[zodRule(body.name, tc)]} required>
          <Input maxLength={50} placeholder={t('form.namePlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="location" label={t('points.fields.location')} rules={[zodRule(body.location, tc)]}>
              <Input maxLength={200} placeholder={t('form.locationPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hours" label={t('points.fields.hours')} rules={[zodRule(body.hours, tc)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="buildingIds" label={t('form.buildings')} extra={t('form.buildingsHint')}>
          <Select mode="multiple" allowClear loading={buildings.isFetching} options={buildingOptions} optionFilterProp="label" placeholder={t('form.buildingsPlaceholder')} data-testid="point-buildings-select" />
        </Form.Item>
        {!point && (
          <>
            <Typography.Text strong>{t('form.bins', { count: total })}</Typography.Text>
            <Typography.Paragraph type="secondary" className="small">
              {t('form.binsHint')}
            </Typography.Paragraph>
            <Row gutter={12}>
              {binKinds.map((kind) => (
                <Col span={6} key={kind}>
                  <Form.Item name={['bins', kind]} label={<span className={`waste-kind-label waste-kind-${kind}`}>{t(`kinds.${kind}`)}</span>} rules={[zodRule(body.bins.shape[kind], tc)]}>
                    <InputNumber min={0} max={40} precision={0} className="full-width" />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </>
        )}
        {point && (
          <Form.Item name="status" label={t('points.fields.status')}>
            <Radio.Group optionType="button" options={(['active', 'closed'] as const).map((s) => ({ value: s, label: t(`pointStatus.${s}`) }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
