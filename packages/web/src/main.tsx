/** Entry point: mounts the app on #root. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('main: the page must have an element #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
