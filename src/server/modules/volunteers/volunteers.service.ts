/**
 * The volunteer module's service, as other modules and the routes see it: one object per concern
 * (register, teams, activities, signups, attendance, hours), built on one shared kit.
 */
import type { AppContext } from '../../context';
import { createActivitiesService } from './volunteer-activities.service';
import { createAttendanceService } from './volunteer-attendance.service';
import { createHoursService } from './volunteer-hours.service';
import { createRegisterService } from './volunteer-register.service';
import { createSignupsService } from './volunteer-signups.service';
import { createTeamsService } from './volunteer-teams.service';
import type { VolunteerConfig } from './volunteers.config';
import { createKit, type VolunteersDeps } from './volunteers.kit';

export type { PartyPoints, VolunteersDeps } from './volunteers.kit';

export function createVolunteersService(ctx: AppContext, deps: VolunteersDeps, config?: VolunteerConfig) {
  const kit = createKit(ctx, deps, config);
  return {
    config: kit.config,
    register: createRegisterService(kit),
    teams: createTeamsService(kit),
    activities: createActivitiesService(kit),
    signups: createSignupsService(kit),
    attendance: createAttendanceService(kit),
    hours: createHoursService(kit),
  };
}

export type VolunteersService = ReturnType<typeof createVolunteersService>;
