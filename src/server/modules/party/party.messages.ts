/**
 * Inbox texts the party module sends. The inbox stores a title and body as text, written in the
 * product's default language (zh-CN) when the message is created; the `kind` lets a client word
 * it differently.
 */
export const partyMessages = {
  reportInSubmitted: (name: string, workplace: string) => ({ title: '新的在职党员报到待审核', body: `${name}（${workplace}）提交了报到申请。` }),
  reportInApproved: (community: string, org: string) => ({ title: '报到已通过', body: `您已报到到${community}，编入${org}。` }),
  reportInReturned: (community: string, reason: string) => ({ title: '报到被退回', body: `${community}退回了您的报到申请：${reason}` }),
  lectureReminder: (issueNo: number, title: string, month: number, day: number, hhmm: string) => ({
    title: `微党课第${issueNo}期提醒`,
    body: `《${title}》将于${month}月${day}日 ${hhmm} 开讲，请准时签到。`,
  }),
};
