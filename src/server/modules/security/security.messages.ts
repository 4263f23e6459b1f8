/**
 * Texts the server writes into inboxes (the product's working language is Chinese; UI labels live
 * in the web locale files).
 */
const fieldNames: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  phone: '电话',
  idNumber: '身份证号',
  address: '住址',
  household: '户籍信息',
  tags: '人群标签',
  other: '其他信息',
};

export const securityMessages = {
  requestHandled: (action: 'resolve' | 'reject', field: string, note: string) => ({
    title: action === 'resolve' ? '您的个人信息更正申请已办理' : '您的个人信息更正申请未通过',
    body: `${fieldNames[field] ?? field}：${note || (action === 'resolve' ? '已按您的申请处理。' : '请联系社区了解详情。')}`,
  }),
  alertRaised: (kind: 'bulk_reveal' | 'bulk_export', who: string, count: number) => ({
    title: kind === 'bulk_reveal' ? '批量查看个人信息告警' : '批量导出数据告警',
    body: `${who} 在一小时内${kind === 'bulk_reveal' ? '查看明文个人信息' : '导出数据'} ${count} 次，超过阈值，请核查。`,
  }),
};
