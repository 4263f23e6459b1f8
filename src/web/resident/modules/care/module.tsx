/** 困难帮扶 on the phone: micro-wishes (claim, post, my wishes, the wall), my assistance applications, the public notice board. */
import { AuditOutlined, GiftOutlined, HeartOutlined, NotificationOutlined, SmileOutlined, StarOutlined } from '@ant-design/icons';
import type { ResidentModule } from '../../module-types';

export const residentModule: ResidentModule = {
  tiles: [
    { key: 'wishClaim', path: '/wishes', icon: <HeartOutlined />, ns: 'care', color: 'red', permission: ['wish.claim'], order: 40 },
    { key: 'wishPost', path: '/wishes/new', icon: <StarOutlined />, ns: 'care', color: 'orange', permission: ['wish.post'], order: 41 },
    { key: 'myWishes', path: '/wishes/mine', icon: <GiftOutlined />, ns: 'care', color: 'purple', permission: ['wish.post'], order: 42 },
    { key: 'wishWall', path: '/wishes/wall', icon: <SmileOutlined />, ns: 'care', color: 'green', order: 43 },
    { key: 'myAssistance', path: '/assistance', icon: <AuditOutlined />, ns: 'care', color: 'blue', permission: ['assistance.follow'], order: 44 },
    { key: 'careNotices', path: '/notices', icon: <NotificationOutlined />, ns: 'care', color: 'blue', order: 45 },
  ],
  pages: [
    { path: 'wishes', load: () => import('./WishesPage') },
    { path: 'wishes/new', load: () => import('./PostWishPage') },
    { path: 'wishes/mine', load: () => import('./MyWishesPage') },
    { path: 'wishes/wall', load: () => import('./WishWallPage') },
    { path: 'wishes/:id', load: () => import('./WishPage') },
    { path: 'assistance', load: () => import('./MyAssistancePage') },
    { path: 'notices', load: () => import('./NoticesPage') },
  ],
};
