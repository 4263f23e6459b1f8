import type { JobDefinition } from '../../platform/jobs';
import type { PartyService } from './party.service';

/** Every 5 minutes: lecture reminders to members' inboxes, and points to lecturers of lectures that are over. */
export function createPartyJobs(party: PartyService): JobDefinition[] {
  return [
    {
      name: 'party.lecture-sweep',
      cron: '*/5 * * * *',
      async handler() {
        await party.lectureStats.sweep();
      },
    },
  ];
}
