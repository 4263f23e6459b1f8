import '../shared/zod-setup';
import { unstableSetRender } from 'antd-mobile';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { applyElderlyMode, storedElderlyMode } from '../shared/elderly';
import '../shared/i18n';
import './resident.css';
import { ResidentApp } from './App';

// antd-mobile's imperative APIs (Toast.show, Dialog.confirm, ImageViewer.show) render through
// react-dom's legacy render, which React 19 no longer has: hand them createRoot instead.
unstableSetRender((node, container) => {
  const host = container as Element & { __txRoot?: Root };
  host.__txRoot ??= createRoot(host);
  host.__txRoot.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    host.__txRoot?.unmount();
    delete host.__txRoot;
  };
});

// Before the first paint: a device that chose the large type keeps it on the login page too.
applyElderlyMode(storedElderlyMode() ?? false);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ResidentApp />
  </StrictMode>,
);
