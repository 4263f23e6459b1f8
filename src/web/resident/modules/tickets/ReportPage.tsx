/**
 * 我要反映 / 随手拍 in three taps: the home tile (1), a category (2) — which fills in a sentence the
 * resident may keep or change — and 提交 (3). A photo is optional (required for 随手拍). The place
 * is the building from the contact card's QR code (`?building=<id>`), else the resident's home.
 * One Idempotency-Key per filing: a retry on a bad network never files twice.
 */
import { CameraOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, DotLoading, ErrorBlock, ImageUploader, List, NavBar, Popup, Result, SearchBar, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { newIdempotencyKey, uploadPhoto, useBuildings, useCategories, useFileTicket, type BuildingOption, type Ticket } from './data';
import './tickets.css';

type LooseT = (key: string, options?: Record<string, unknown>) => unknown;

function BuildingPicker({ open, onClose, onPick }: { open: boolean; onClose: () => void; onPick: (b: BuildingOption) => void }) {
  const { t } = useTranslation('tickets');
  const [q, setQ] = useState('');
  const buildings = useBuildings(q);
  return (
    <Popup visible={open} onMaskClick={onClose} bodyClassName="tk-picker" position="bottom">
      <h2 className="r-card-title">{t('resident.pickBuilding')}</h2>
      <SearchBar placeholder={t('resident.searchBuilding')} value={q} onChange={setQ} />
      <List className="tk-picker-list">
        {(buildings.data ?? []).map((b) => (
          <List.Item key={b.id} onClick={() => onPick(b)} description={b.gridName ?? undefined}>
            {b.label}
          </List.Item>
        ))}
      </List>
    </Popup>
  );
}

export default function ReportPage() {
  const { t } = useTranslation('tickets');
  const lt = t as unknown as LooseT;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const snap = params.get('snap') === '1';
  const categories = useCategories();
  const buildings = useBuildings('');
  const [key] = useState(newIdempotencyKey);
  const file = useFileTicket(key);
  const [category, setCategory] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [buildingId, setBuildingId] = useState<string | null>(params.get('building'));
  const [picking, setPicking] = useState(false);
  const [done, setDone] = useState<Ticket | null>(null);
  const building = useMemo(() => buildings.data?.find((b) => b.id === buildingId), [buildings.data, buildingId]);

  const quick = (key: string): string[] => {
    const list = lt(`resident.quick.${key}`, { returnObjects: true });
    return Array.isArray(list) ? (list as string[]) : [];
  };
  // Keep what the resident typed; replace only a suggested sentence (or nothing) by the new category's.
  const suggested = new Set((categories.data ?? []).flatMap((c) => quick(c.key)));
  const choose = (key: string) => {
    setCategory(key);
    if (!text.trim() || suggested.has(text)) setText(quick(key)[0] ?? '');
  };

  const submit = () =>
    file.mutate(
      {
        kind: category === 'policy_inquiry' ? 'inquiry' : category === 'other' ? 'suggestion' : 'appeal',
        category,
        description: text.trim(),
        channel: snap ? 'snap' : 'resident_app',
        ...(buildingId ? { buildingId } : {}),
        ...(photos.length ? { photoIds: photos.map((p) => p.key) } : {}),
      },
      { onSuccess: setDone, onError: (e) => void Toast.show({ content: isApiError(e) ? e.message : String(e), position: 'center' }) },
    );

  if (done) {
    return (
      <div className="r-page">
        <Result
          status="success"
          title={t('resident.submitted')}
          description={done.assignee ? t('resident.submittedDesc', { name: done.assignee.name }) : t('resident.submittedUnassigned')}
          className="tk-result"
        />
        <div className="r-actions">
          <Button block color="primary" size="large" className="r-big-button" onClick={() => void navigate(`/tickets/${done.id}`)} data-testid="view-progress">
            {t('resident.viewProgress')}
          </Button>
        </div>
      </div>
    );
  }

  const needsPhoto = snap && photos.length === 0;
  return (
    <div className="r-page tk-page">
      <NavBar className="tk-navbar" onBack={() => void navigate('/')}>
        {snap ? t('resident.snapTitle') : t('resident.reportTitle')}
      </NavBar>
      <section className="r-card tk-place" data-testid="report-place">
        <EnvironmentOutlined /> <span className="tk-place-label">{building?.label ?? t('resident.homeBuilding')}</span>
        <Button size="small" fill="none" color="primary" onClick={() => setPicking(true)}>
          {t('resident.changePlace')}
        </Button>
      </section>
      {snap && <Photos photos={photos} setPhotos={setPhotos} capture />}
      <h2 className="tk-step">{t('resident.step1')}</h2>
      {categories.isPending ? (
        <div className="r-center-block">
          <DotLoading color="primary" />
        </div>
      ) : categories.isError ? (
        <ErrorBlock status="default" title={t('common.load')} description={categories.error.message} />
      ) : (
        <div className="tk-categories" data-testid="report-categories">
          {categories.data.map((c) => (
            <button type="button" key={c.key} className={category === c.key ? 'tk-category tk-category-on' : 'tk-category'} onClick={() => choose(c.key)} data-testid={`category-${c.key}`}>
              {lt(`category.${c.key}`, { defaultValue: c.name }) as string}
            </button>
          ))}
        </div>
      )}
      {category && (
        <>
          <h2 className="tk-step">{t('resident.step2')}</h2>
          <div className="tk-quick">
            {quick(category).map((p) => (
              <button type="button" key={p} className={text === p ? 'tk-chip tk-chip-on' : 'tk-chip'} onClick={() => setText(p)}>
                {p}
              </button>
            ))}
          </div>
          <section className="r-card">
            <TextArea value={text} onChange={setText} rows={3} maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} data-testid="report-text" />
          </section>
          {!snap && <Photos photos={photos} setPhotos={setPhotos} />}
        </>
      )}
      <div className="tk-submit">
        <Button block color="primary" size="large" className="r-big-button" disabled={!category || text.trim().length < 2 || needsPhoto} loading={file.isPending} onClick={submit} data-testid="report-submit">
          {t('resident.submit')}
        </Button>
      </div>
      <BuildingPicker
        open={picking}
        onClose={() => setPicking(false)}
        onPick={(b) => {
          setBuildingId(b.id);
          setPicking(false);
        }}
      />
    </div>
  );
}

function Photos({ photos, setPhotos, capture }: { photos: ImageUploadItem[]; setPhotos: (p: ImageUploadItem[]) => void; capture?: boolean }) {
  const { t } = useTranslation('tickets');
  return (
    <section className="r-card tk-photos" data-testid="report-photos">
      <ImageUploader
        value={photos}
        onChange={setPhotos}
        maxCount={9}
        accept="image/jpeg,image/png,image/webp"
        capture={capture ? 'environment' : undefined}
        upload={async (file) => {
          try {
            const u = await uploadPhoto(file);
            return { key: u.id, url: URL.createObjectURL(file) };
          } catch (e) {
            Toast.show({ content: isApiError(e) ? e.message : t('resident.photoFailed'), position: 'center' });
            throw e;
          }
        }}
      >
        <div className="tk-photo-add">
          <CameraOutlined />
          <span>{t('resident.takePhoto')}</span>
        </div>
      </ImageUploader>
    </section>
  );
}
