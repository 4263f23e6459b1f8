/** 垃圾分类 on the phone: every resident's own household, and the supervisor's tap list. */
import { AuditOutlined, DeleteOutlined } from '@ant-design/icons';
import type { ResidentModule } from '../../module-types';

export const residentModule: ResidentModule = {
  tiles: [
    { key: 'myWaste', path: '/waste', icon: <DeleteOutlined />, ns: 'waste', color: 'green', order: 40 },
    { key: 'supervise', path: '/waste/supervise', icon: <AuditOutlined />, ns: 'waste', color: 'orange', permission: ['waste.record'], order: 41 },
  ],
  pages: [
    { path: 'waste', load: () => import('./MyWastePage') },
    { path: 'waste/supervise', load: () => import('./SupervisePage') },
  ],
};
