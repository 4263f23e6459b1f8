/**
 * Texts the server writes into inboxes and documents (notifications, contact cards, the Excel
 * template). The product's working language is Chinese; UI labels live in the web locale files.
 */
export const placesMessages = {
  revealAlertTitle: '个人信息查看次数异常',
  revealAlertBody: (who: string, count: number) => `${who} 在一小时内查看了 ${count} 次居民身份证号或电话，请核查。`,
  visitDueTitle: '入户走访提醒',
  visitDueBody: (count: number) => `您负责的网格有 ${count} 位居民到期需要走访。`,
  verificationSms: (code: string) => `【同心】您的注册验证码是 ${code}，10分钟内有效。如非本人操作请忽略。`,
};
