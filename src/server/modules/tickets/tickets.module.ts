/** Composes the tickets module's services (tickets, transitions, statistics, jobs, projects) for modules/index.ts. */
import type { AppContext } from '../../context';
import type { NotificationsService } from '../notifications/notifications.service';
import type { UploadsService } from '../uploads/uploads.service';
import { createProjectsService } from './projects.service';
import { createTicketJobs } from './tickets.jobs';
import { createTicketNotifier } from './tickets.notify';
import { createTicketsService } from './tickets.service';
import { createTicketStats } from './tickets.stats';
import { createTicketWorkflow } from './tickets.workflow';

export function createTicketsModule(ctx: AppContext, deps: { notifications: NotificationsService; uploads: UploadsService }) {
  const tickets = createTicketsService(ctx, deps);
  const notice = createTicketNotifier(deps.notifications);
  return {
    tickets,
    categories: tickets.categories,
    workflow: createTicketWorkflow(ctx, tickets, notice),
    stats: createTicketStats(ctx),
    jobs: createTicketJobs(ctx, notice),
    projects: createProjectsService(ctx, { tickets, notifications: deps.notifications, uploads: deps.uploads }),
  };
}

export type TicketsModule = ReturnType<typeof createTicketsModule>;
