/**
 * 督导记录: the supervisor at the drop point, phone in one hand. Today's households of the point,
 * each with two big buttons — 分类正确 / 不正确 (then what was wrong) — and the rows already
 * recorded marked, with a same-day correction. Works in large type (html.elderly).
 */
import { ActionSheet, Button, DotLoading, ErrorBlock, NavBar, NoticeBar, ProgressBar, SearchBar, Selector, type ActionSheetProps } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { can, useMe } from '../../../shared/me';
import { sortingIssues } from '../../../admin/modules/waste/kinds';
import { HouseholdRow } from './HouseholdRow';
import { useAllPoints, useCorrect, useMySupervision, usePointHouseholds, useRecord, type PointHousehold, type SortingIssue } from './data';
import './waste.css';

type Filter = 'all' | 'todo' | 'done';
const PAGE = 30;

/** "东方现代城3号楼 2-101" → "东方现代城3号楼": the building part of the address, for the quick filter. */
const buildingOf = (address: string) => address.split(' ')[0] ?? address;

export default function SupervisePage() {
  const { t } = useTranslation('waste');
  const navigate = useNavigate();
  const { data: me } = useMe();
  const supervision = useMySupervision();
  const staffPoints = useAllPoints(can(me, 'waste.read'));
  const points = useMemo(() => {
    const own = (supervision.data?.duties ?? []).flatMap((d) => (d.status === 'selected' && d.dropPoint ? [{ id: d.dropPoint.id, name: d.dropPoint.name }] : []));
    const more = (staffPoints.data ?? []).filter((p) => p.status === 'active' && !own.some((o) => o.id === p.id)).map((p) => ({ id: p.id, name: p.name }));
    return [...own, ...more];
  }, [supervision.data, staffPoints.data]);
  const [chosen, setChosen] = useState<string | undefined>();
  const pointId = chosen ?? points[0]?.id;
  const list = usePointHouseholds(pointId);
  const record = useRecord(pointId);
  const correct = useCorrect(pointId);
  const [filter, setFilter] = useState<Filter>('all');
  const [building, setBuilding] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [asking, setAsking] = useState<PointHousehold | null>(null);
  // A point serves ~300 households: draw a page of them at a time, so that old phones stay quick.
  const [limit, setLimit] = useState(PAGE);
  const narrow = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setLimit(PAGE);
  };

  // Building by building, rooms in numeric order (1-101 before 1-1001), as the supervisor walks them.
  const rows = useMemo(() => [...(list.data ?? [])].sort((a, b) => a.address.localeCompare(b.address, 'zh-CN', { numeric: true })), [list.data]);
  const done = rows.filter((r) => r.record).length;
  const buildings = useMemo(() => [...new Set(rows.map((r) => buildingOf(r.address)))], [rows]);
  const shown = rows.filter(
    (r) => (filter === 'all' || (filter === 'done' ? !!r.record : !r.record)) && (!building || buildingOf(r.address) === building) && (!search || r.address.includes(search)),
  );

  // The row itself changing is the confirmation; a refusal stays on screen until dismissed.
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (err: unknown) => {
    if (isApiError(err, 'conflict')) void list.refetch();
    setProblem(isApiError(err) ? (err.fieldIssues[0]?.message ?? err.message) : String(err));
  };
  const save = (h: PointHousehold, result: 'correct' | 'incorrect', issue: SortingIssue | null = null) => {
    setProblem(null);
    if (h.record) correct.mutate({ id: h.record.id, version: h.record.version, result, issue }, { onError: fail });
    else record.mutate({ householdId: h.householdId, result, issue }, { onError: fail });
  };

  const issueActions: ActionSheetProps['actions'] = sortingIssues.map((issue) => ({ key: issue, text: t(`issues.${issue}`) }));
  const loading = supervision.isPending || (can(me, 'waste.read') && staffPoints.isPending);

  return (
    <div className="r-page w-page">
      <NavBar className="w-navbar" onBack={() => void navigate('/')} backIcon>
        {t('tiles.supervise.title')}
      </NavBar>
      {loading ? (
        <div className="r-center-block">
          <DotLoading color="primary" />
        </div>
      ) : points.length === 0 ? (
        <ErrorBlock status="empty" title={t('supervise.noPoint')} description={t('supervise.noPointHint')} className="r-empty" />
      ) : (
        <>
          {points.length > 1 && (
            <Selector className="r-selector w-points" columns={2} value={pointId ? [pointId] : []} onChange={(v) => v[0] && setChosen(v[0])} options={points.map((p) => ({ label: p.name, value: p.id }))} />
          )}
          <section className="r-card w-progress" data-testid="supervise-progress">
            <h2 className="r-card-title">{points.find((p) => p.id === pointId)?.name}</h2>
            <p className="r-line">{t('supervise.progress', { done, total: rows.length, day: communityDay() })}</p>
            <ProgressBar percent={rows.length ? (done / rows.length) * 100 : 0} />
          </section>
          <Selector
            className="r-selector w-filter"
            columns={3}
            value={[filter]}
            onChange={(v) => v[0] && narrow(setFilter)(v[0])}
            options={(['all', 'todo', 'done'] as const).map((f) => ({ value: f, label: t(`supervise.filter.${f}`, { count: f === 'all' ? rows.length : f === 'done' ? done : rows.length - done }) }))}
          />
          {buildings.length > 1 && (
            <div className="w-buildings">
              {buildings.map((b) => (
                <Button key={b} size="small" shape="rounded" color={building === b ? 'primary' : 'default'} fill={building === b ? 'solid' : 'outline'} onClick={() => narrow(setBuilding)(building === b ? undefined : b)}>
                  {b.replace(/^\D*?(?=\d)/, '')}
                </Button>
              ))}
            </div>
          )}
          {problem && <NoticeBar className="w-problem" color="alert" wrap closeable content={problem} onClose={() => setProblem(null)} data-testid="supervise-problem" />}
          <SearchBar className="w-search" placeholder={t('supervise.searchPlaceholder')} onChange={narrow(setSearch)} />
          {list.isPending ? (
            <div className="r-center-block">
              <DotLoading color="primary" />
            </div>
          ) : list.isError ? (
            <ErrorBlock status="default" title={t('common.loadFailed')} description={list.error.message} />
          ) : shown.length === 0 ? (
            <ErrorBlock status="empty" title={filter === 'todo' && !search && !building ? t('supervise.allDone') : t('common.noMatch')} className="r-empty" />
          ) : (
            <div className="w-households" data-testid="supervise-list">
              {shown.slice(0, limit).map((h) => (
                <HouseholdRow key={h.householdId} row={h} busy={(record.isPending && record.variables?.householdId === h.householdId) || (correct.isPending && correct.variables?.id === h.record?.id)} onCorrect={() => save(h, 'correct')} onIncorrect={() => setAsking(h)} />
              ))}
              {shown.length > limit && (
                <Button block size="large" className="r-big-button" onClick={() => setLimit(limit + PAGE)} data-testid="supervise-more">
                  {t('supervise.more', { count: Math.min(PAGE, shown.length - limit), left: shown.length - limit })}
                </Button>
              )}
            </div>
          )}
        </>
      )}
      <ActionSheet
        visible={!!asking}
        className="w-issues"
        extra={asking ? t('supervise.issueTitle', { address: asking.address }) : undefined}
        actions={issueActions}
        cancelText={t('common.cancel')}
        onAction={(a) => asking && save(asking, 'incorrect', a.key as SortingIssue)}
        onClose={() => setAsking(null)}
        closeOnAction
      />
    </div>
  );
}

const communityDay = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
