/** 人口与网格 in the admin web: grids with AB posts and leave, buildings → households → residents, search, import/export, home visits. */
import { AlertOutlined, ClusterOutlined, HomeOutlined, ImportOutlined, SolutionOutlined, UserOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../module-types';

export const adminModule: AdminModule = {
  nav: [
    { key: 'placesResidents', path: '/places/residents', icon: <UserOutlined />, permission: ['resident.read'], group: 'people', ns: 'places', order: 10 },
    { key: 'placesBuildings', path: '/places/buildings', icon: <HomeOutlined />, permission: ['building.read'], group: 'people', ns: 'places', order: 20 },
    { key: 'placesGrids', path: '/places/grids', icon: <ClusterOutlined />, permission: ['grid.read'], group: 'people', ns: 'places', order: 30 },
    { key: 'placesVisits', path: '/places/visits', icon: <SolutionOutlined />, permission: ['visit.read'], group: 'people', ns: 'places', order: 40 },
    { key: 'placesImport', path: '/places/import', icon: <ImportOutlined />, permission: ['resident.import', 'resident.export'], group: 'people', ns: 'places', order: 50 },
    { key: 'placesRevealAlerts', path: '/places/reveal-alerts', icon: <AlertOutlined />, permission: ['reveal_alert.read'], group: 'admin', ns: 'places', order: 80 },
  ],
  pages: [
    { path: 'places/residents', nav: 'placesResidents', load: () => import('./pages/ResidentsPage') },
    { path: 'places/buildings', nav: 'placesBuildings', load: () => import('./pages/BuildingsPage') },
    { path: 'places/buildings/:id', nav: 'placesBuildings', load: () => import('./pages/BuildingPage') },
    { path: 'places/households/:id', nav: 'placesBuildings', load: () => import('./pages/HouseholdPage') },
    { path: 'places/grids', nav: 'placesGrids', load: () => import('./pages/GridsPage') },
    { path: 'places/visits', nav: 'placesVisits', load: () => import('./pages/VisitsPage') },
    { path: 'places/import', nav: 'placesImport', load: () => import('./pages/ImportExportPage') },
    { path: 'places/reveal-alerts', nav: 'placesRevealAlerts', load: () => import('./pages/RevealAlertsPage') },
  ],
};
