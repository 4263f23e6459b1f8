/**
 * 许个微心愿: a needy resident writes what they wish for (≤ ¥500), picks a kind and sends it; the
 * community reviews it before donors see it. Checked with the server's own schema as they type.
 */
import { Button, Form, Input, Result, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { care } from '../../../../contracts';
import { isApiError } from '../../../shared/api';
import { fieldErrorsOf, zodProblem } from '../../../shared/validation';
import { CarePage, useCareT } from './common';
import { usePostWish } from './data';

interface Values {
  title: string;
  category: string[];
  price: string;
  story?: string;
}

const shape = care.PostWishBody.shape;
const toFen = (yuan: string): number => Math.round(Number(yuan) * 100);

export default function PostWishPage() {
  const { t } = useTranslation('care');
  const { t: tc } = useTranslation();
  const lt = useCareT();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const post = usePostWish();
  const [done, setDone] = useState(false);

  const rule = (check: (v: unknown) => string | null) => ({ validator: async (_: unknown, v: unknown) => {
    const problem = check(v);
    if (problem) throw new Error(problem);
  } });

  /** The schema's own bounds, with messages about money (zod's generic "too big" speaks of characters). */
  const priceProblem = (v: unknown): string | null => {
    if (v === undefined || v === null || v === '') return zodProblem(shape.priceFen, undefined, tc);
    const fen = toFen(String(v));
    if (!Number.isFinite(fen) || fen <= 0) return t('resident.pricePositive');
    if (!shape.priceFen.safeParse(fen).success) return t('resident.priceHint');
    return null;
  };

  const submit = (v: Values) => {
    const body = { title: v.title.trim(), category: v.category[0], priceFen: toFen(v.price), ...(v.story?.trim() ? { story: v.story.trim() } : {}) };
    post.mutate(body, {
      onSuccess: () => setDone(true),
      onError: (e) => {
        if (isApiError(e)) {
          const fields = fieldErrorsOf(e, tc).map((f) => ({ ...f, name: f.name === 'priceFen' ? 'price' : f.name }));
          if (fields.length) return form.setFields(fields);
        }
        Toast.show({ content: isApiError(e, 'not_a_care_household') ? t('resident.notNeedy') : e.message, position: 'center' });
      },
    });
  };

  if (done) {
    return (
      <CarePage title={t('resident.postTitle')} back="/wishes/mine">
        <Result status="success" title={t('resident.postSubmit')} description={t('resident.posted')} data-testid="wish-posted" />
        <div className="r-actions">
          <Button block color="primary" size="large" className="r-big-button" onClick={() => void navigate('/wishes/mine')}>
            {t('resident.mineTitle')}
          </Button>
        </div>
      </CarePage>
    );
  }

  return (
    <CarePage title={t('resident.postTitle')} back="/wishes/mine" testId="post-wish-page">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ category: ['daily_goods'] }}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" className="r-big-button" loading={post.isPending} data-testid="post-wish-submit">
            {t('resident.postSubmit')}
          </Button>
        }
      >
        <Form.Item name="title" label={t('resident.postWhat')} rules={[rule((v) => zodProblem(shape.title, v, tc))]}>
          <Input placeholder={t('resident.postWhatPlaceholder')} maxLength={60} clearable data-testid="wish-title-input" />
        </Form.Item>
        <Form.Item name="category" label={t('resident.postCategory')} rules={[rule((v) => (Array.isArray(v) && v.length ? null : zodProblem(shape.category, undefined, tc)))]}>
          <Selector className="r-selector" columns={3} options={care.model.wishCategories.map((c) => ({ label: lt(`wishCategories.${c}`), value: c }))} />
        </Form.Item>
        <Form.Item
          name="price"
          label={t('resident.postPrice')}
          help={t('resident.priceHint')}
          rules={[rule((v) => priceProblem(v))]}
        >
          <Input type="number" inputMode="decimal" placeholder="100" data-testid="wish-price-input" />
        </Form.Item>
        <Form.Item name="story" label={t('resident.postStory')} rules={[rule((v) => zodProblem(shape.story, v, tc))]}>
          <TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </CarePage>
  );
}
