import { createRoot } from 'react-dom/client';
import { AppRoot } from './app/App.js';
import './lib/dates.js';

createRoot(document.getElementById('root')!).render(<AppRoot />);
