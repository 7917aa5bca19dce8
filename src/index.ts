import { runAction } from './action/main';

void runAction();
