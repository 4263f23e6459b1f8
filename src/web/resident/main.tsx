import '../shared/zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyElderlyMode, storedElderlyMode } from '../shared/elderly';
import '../shared/i18n';
import './resident.css';
import { ResidentApp } from './App';

// Before the first paint: a device that chose the large type keeps it on the login page too.
applyElderlyMode(storedElderlyMode() ?? false);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ResidentApp />
  </StrictMode>,
);
