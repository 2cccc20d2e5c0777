/**
 * Vietnamese for the ear, registered for read-aloud when read-aloud/index.ts is imported (the package entry and
 * both reader scripts do).
 */
import { useSpokenText } from '../spoken.js';
import { prepareVietnamese } from './prepare.js';

useSpokenText('vi', prepareVietnamese);

export { prepareVietnamese, vietnameseEdits } from './prepare.js';
