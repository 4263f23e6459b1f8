/** The party module's API shapes (re-exported to src/contracts as `party`). */
export * from './party-common.schemas';
export * from './party-orgs.schemas';
export * from './party-members.schemas';
export * from './report-ins.schemas';
export * from './service-posts.schemas';
export * from './micro-lectures.schemas';
export * from './evaluations.schemas';
export * from './joint-meetings.schemas';
export * from './party-stats.schemas';
