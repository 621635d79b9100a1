import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './styles.css';
import './member-portal.css';

createRoot(document.getElementById('root')!).render(<App />);
