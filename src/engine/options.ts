/** What to do with a failed build's machine: Packer's -on-error modes. */
export type OnError = 'cleanup' | 'abort' | 'run-cleanup-provisioner';
