import './style.css';
import { startWelcome } from './welcome';

void startWelcome();
