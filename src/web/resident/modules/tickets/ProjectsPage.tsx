/** 领办督办 for residents: the community's public projects — who leads them, the milestones reached, the latest news. */
import { DotLoading, ErrorBlock, NavBar, ProgressBar, Steps, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { useProject, usePublicProjects } from './data';
import { label } from './labels';
import './tickets.css';

export function ProjectPage() {
  const { id } = useParams();
  const { t } = useTranslation('tickets');
  const navigate = useNavigate();
  const project = useProject(id);
  const p = project.data;
  return (
    <div className="r-page tk-page">
      <NavBar className="tk-navbar" onBack={() => void navigate('/projects')}>
        {t('resident.projects')}
      </NavBar>
      {project.isPending ? (
        <div className="r-center-block">
          <DotLoading color="primary" />
        </div>
      ) : project.isError || !p ? (
        <ErrorBlock status="default" title={t('common.load')} />
      ) : (
        <>
          <section className="r-card">
            <h2 className="r-card-title">{p.title}</h2>
            <Tag color={p.status === 'done' ? 'success' : 'primary'}>{label(t, 'projects.statuses', p.status)}</Tag>
            <ProgressBar percent={p.progress} text className="tk-progress" />
            <p className="r-line">{t('resident.leader', { name: p.leader.name })}</p>
            {p.description && <p className="tk-desc">{p.description}</p>}
          </section>
          <section className="r-card">
            <h2 className="r-card-title">{t('projects.milestones')}</h2>
            <Steps direction="vertical">
              {p.milestoneList.map((m) => (
                <Steps.Step key={m.id} title={m.title} status={m.doneAt ? 'finish' : 'wait'} description={m.doneAt ? formatDateTime(m.doneAt) : (m.dueOn ?? '')} />
              ))}
            </Steps>
          </section>
          <section className="r-card">
            <h2 className="r-card-title">{t('projects.updates')}</h2>
            {p.updates.map((u) => (
              <div key={u.id} className="tk-update">
                <div className="tk-event-meta">{formatDateTime(u.at)} · {u.authorName}</div>
                <div>{u.note}</div>
              </div>
            ))}
          </section>
        </>
      )}
    </div>
  );
}

export default function ProjectsPage() {
  const { t } = useTranslation('tickets');
  const navigate = useNavigate();
  const list = usePublicProjects();
  const items = list.data?.items ?? [];
  return (
    <div className="r-page tk-page">
      <NavBar className="tk-navbar" onBack={() => void navigate('/')}>
        {t('resident.projects')}
      </NavBar>
      {list.isPending ? (
        <div className="r-center-block">
          <DotLoading color="primary" />
        </div>
      ) : list.isError ? (
        <ErrorBlock status="default" title={t('common.load')} description={list.error.message} />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('resident.projectsEmpty')} className="r-empty" />
      ) : (
        items.map((p) => (
          <button type="button" key={p.id} className="r-card tk-project" onClick={() => void navigate(`/projects/${p.id}`)} data-testid="project-card">
            <h2 className="r-card-title">{p.title}</h2>
            <Tag color={p.status === 'done' ? 'success' : 'primary'}>{label(t, 'projects.statuses', p.status)}</Tag>
            <ProgressBar percent={p.progress} text className="tk-progress" />
            <p className="r-line">
              {t('resident.leader', { name: p.leader.name })} · {t('projects.milestones')} {p.milestonesDone}/{p.milestones}
            </p>
          </button>
        ))
      )}
    </div>
  );
}
