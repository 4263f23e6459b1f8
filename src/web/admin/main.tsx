import '@ant-design/v5-patch-for-react-19';
import '../shared/zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/i18n';
import './admin.css';
import { AdminApp } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AdminApp />
  </StrictMode>,
);
