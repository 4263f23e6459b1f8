import type { ModulePolicy } from '../../platform/auth/roles';

/**
 * ticket.create       file a ticket for oneself (resident app, 随手拍)
 * ticket.create_for   enter a ticket for a resident (hotline call, walk-in, visit finding, joint-meeting item)
 * ticket.read         see the tickets of one's scope (grid, community, street)
 * ticket.work         act on tickets assigned to oneself (department contacts see only those)
 * ticket.handle       act on any ticket of one's scope (AB岗: the backup and the grid leader step in)
 * ticket.supervise    督办: escalation target, close tickets, see the whole community
 * ticket.configure    categories: deadlines, on-site flag, department routing
 * ticket.stats        the statistics of one's scope
 * project.read        领办督办 projects (residents: the public ones of their community)
 * project.manage      start projects, name leader and supervisor, change status
 * project.progress    post progress on a project one leads or supervises
 */
export const ticketsPolicy: ModulePolicy = {
  module: 'tickets',
  permissions: [
    'ticket.create',
    'ticket.create_for',
    'ticket.read',
    'ticket.work',
    'ticket.handle',
    'ticket.supervise',
    'ticket.configure',
    'ticket.stats',
    'project.read',
    'project.manage',
    'project.progress',
  ],
  grants: {
    resident: ['ticket.create', 'project.read'],
    party_member: ['ticket.create', 'project.read', 'project.progress'],
    volunteer: ['ticket.create', 'project.read'],
    property_staff: ['ticket.work', 'project.read'],
    grid_worker: ['ticket.create', 'ticket.create_for', 'ticket.read', 'ticket.work', 'ticket.handle', 'ticket.stats', 'project.read', 'project.progress'],
    social_worker: ['ticket.create_for', 'ticket.read', 'ticket.work', 'ticket.handle', 'project.read', 'project.progress'],
    care_officer: ['ticket.create_for', 'ticket.read', 'ticket.work', 'project.read'],
    community_staff: ['ticket.create_for', 'ticket.read', 'ticket.work', 'ticket.handle', 'ticket.configure', 'ticket.stats', 'project.read', 'project.manage', 'project.progress'],
    community_secretary: [
      'ticket.create_for',
      'ticket.read',
      'ticket.work',
      'ticket.handle',
      'ticket.supervise',
      'ticket.configure',
      'ticket.stats',
      'project.read',
      'project.manage',
      'project.progress',
    ],
    street_staff: ['ticket.read', 'ticket.supervise', 'ticket.stats', 'project.read'],
  },
};

/** Reading one ticket: staff of its scope, or anyone who may file or work tickets (then: own or assigned only). */
export const ticketReadAccess = ['ticket.read', 'ticket.create', 'ticket.work'] as const;
/** Creating: for oneself or for a resident. */
export const ticketCreateAccess = ['ticket.create', 'ticket.create_for'] as const;
