export function createVhost(): Promise<{ name: string; url: string }>;
export function deleteVhostInBackground(name: string): void;
