/**
 * Texts of the inbox notices the center sends. The inbox stores a title and body as written (the
 * recipient's app shows them as they are), so they are composed here, in the product's default
 * language, from the facts of the event — never in the services.
 */
import { localParts } from './center.time';

const when = (at: Date, tz: string) => {
  const p = localParts(at, tz);
  return `${Number(p.date.slice(5, 7))}月${Number(p.date.slice(8, 10))}日 ${p.time}`;
};

export const notices = {
  bookingDecided(approved: boolean, venueName: string, startsAt: Date, tz: string) {
    return approved
      ? { title: `场地预约已通过：${venueName}`, body: `您预约的${venueName}（${when(startsAt, tz)}）已通过审核，请按时使用。` }
      : { title: `场地预约未通过：${venueName}`, body: `您预约的${venueName}（${when(startsAt, tz)}）未通过审核，可改约其他时段。` };
  },
  promotedFromWaitlist(courseName: string, residentName: string) {
    return { title: `候补转正：${courseName}`, body: `${residentName}已由候补转为正式学员，请按课表准时上课。` };
  },
  eventCancelled(title: string, startsAt: Date, tz: string) {
    return { title: `活动取消：${title}`, body: `原定${when(startsAt, tz)}的活动“${title}”已取消，给您带来不便敬请谅解。` };
  },
};
