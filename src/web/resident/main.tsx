import '../shared/zod-setup';
import { unstableSetRender } from 'antd-mobile';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { applyElderlyMode, storedElderlyMode } from '../shared/elderly';
import '../shared/i18n';
import './resident.css';
import { ResidentApp } from './App';

// antd-mobile renders Toast and Dialog outside the app's tree with ReactDOM.render, which React 19
// no longer has: give it createRoot (https://mobile.ant.design/guide/v5-for-19).
unstableSetRender((node, container) => {
  const host = container as (Element | DocumentFragment) & { _reactRoot?: Root };
  host._reactRoot ??= createRoot(host);
  const root = host._reactRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete host._reactRoot;
  };
});

// Before the first paint: a device that chose the large type keeps it on the login page too.
applyElderlyMode(storedElderlyMode() ?? false);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ResidentApp />
  </StrictMode>,
);
