import type { ModulePolicy } from '../../platform/auth/roles';

/**
 * Who may do what in party building. Member actions from the resident app (check in, claim, report
 * in, evaluate, read one's own record) are held by `party_member` and by `resident`: an in-service
 * member reports in with their resident account, and the service checks that the caller *is* a
 * member of the community (data), so a resident who is not a member gets 403 not_party_member.
 * Group leaders' access to their group is data-driven too (an officer of the group), not a role.
 */
const memberSelf = ['party_self.read', 'micro_lecture.check_in', 'service_post.claim', 'evaluation.submit', 'report_in.submit'] as const;

const staffRead = [
  'party_org.read',
  'party_member.read',
  'report_in.read',
  'service_post.read',
  'micro_lecture.read',
  'evaluation.read',
  'party_points.read',
  'joint_meeting.read',
  'party_stats.read',
] as const;

const staffManage = ['service_post.manage', 'micro_lecture.manage', 'evaluation.manage', 'joint_meeting.manage'] as const;

export const partyPolicy: ModulePolicy = {
  module: 'party',
  permissions: [
    ...memberSelf,
    ...staffRead,
    ...staffManage,
    'party_org.manage',
    'party_member.manage',
    'party_member.reveal',
    'report_in.decide',
    'party_points.manage',
    'party_settings.manage',
  ],
  grants: {
    community_secretary: [
      ...staffRead,
      ...staffManage,
      'party_org.manage',
      'party_member.manage',
      'party_member.reveal',
      'report_in.decide',
      'party_points.manage',
      'party_settings.manage',
    ],
    community_staff: [...staffRead, ...staffManage],
    street_staff: ['party_stats.read'],
    social_worker: ['joint_meeting.read'],
    property_staff: ['joint_meeting.read'],
    party_member: [...memberSelf],
    resident: [...memberSelf],
  },
};

/** Lists of members, rankings and attendance: staff by permission, group leaders by office (checked in the service). */
export const groupReadAccess = ['party_member.read', 'party_self.read'] as const;
