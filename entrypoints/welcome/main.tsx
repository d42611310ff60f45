// First-run page entry: opened once, on install.
import { render } from 'preact';
import '@/lib/ui/theme.css';
import './style.css';
import { Welcome } from './Welcome';

render(<Welcome />, document.getElementById('app')!);
