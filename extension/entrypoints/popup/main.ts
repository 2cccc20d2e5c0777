import './style.css';
import { startPopup } from './popup';

void startPopup();
