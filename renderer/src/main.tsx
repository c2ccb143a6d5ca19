// The studio page's entry point.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { App } from './app/App';
import { useLanguage } from './i18n';

document.documentElement.lang = useLanguage.getState().language === 'zh' ? 'zh-CN' : 'en';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
