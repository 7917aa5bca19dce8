import type { SshOptions } from './ssh';
/** How the machine is reached, for provisioners that bring their own client (Ansible). */
export type ConnectionInfo = {
    type: 'ssh';
    options: SshOptions;
} | {
    type: 'docker';
    containerId: string;
    user?: string;
};
