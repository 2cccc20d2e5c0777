import './style.css';
import { startOptions } from './options';

void startOptions();
