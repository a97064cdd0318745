/** See fetched.mjs: moves an extracted package into the shared cache unless a complete copy is there. */
export function install(work: string, dir: string): void;
