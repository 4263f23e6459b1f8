import type { ModulePolicy } from '../../platform/auth/roles';

/**
 * Anyone who files or records something with a photo may upload (residents, staff, volunteers);
 * staff read the photos of their scope. Owners always read their own (checked in the service).
 * The three admins hold neither: they never see resident photos.
 */
export const uploadsPolicy: ModulePolicy = {
  module: 'uploads',
  permissions: ['upload.create', 'upload.read'],
  grants: {
    street_staff: ['upload.create', 'upload.read'],
    community_secretary: ['upload.create', 'upload.read'],
    community_staff: ['upload.create', 'upload.read'],
    care_officer: ['upload.create', 'upload.read'],
    social_worker: ['upload.create', 'upload.read'],
    grid_worker: ['upload.create', 'upload.read'],
    property_staff: ['upload.create'],
    party_member: ['upload.create'],
    volunteer: ['upload.create'],
    partner_contact: ['upload.create'],
    resident: ['upload.create'],
  },
};
