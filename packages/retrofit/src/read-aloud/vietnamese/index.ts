/**
 * Vietnamese for the ear, registered for read-aloud: the package entry imports this; the one-file bundle does
 * not (it reads text as written, to stay within its size budget).
 */
import { useSpokenText } from '../spoken.js';
import { prepareVietnamese } from './prepare.js';

useSpokenText('vi', prepareVietnamese);

export { prepareVietnamese, vietnameseEdits } from './prepare.js';
