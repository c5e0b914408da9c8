/** Types of build-freshness.js (plain JavaScript: it runs before anything is compiled). */
export declare const sourceFolders: string[];
/** `root`: the package root, ending with a slash */
export declare function buildState(root: string): 'fresh' | 'missing' | `stale: ${string}`;
export declare function markBuilt(root: string): void;
