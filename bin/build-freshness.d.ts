/** Types of build-freshness.js (plain JavaScript: it runs before anything is compiled). */
export declare const sourceFolders: string[];
export declare function buildState(root: string): 'fresh' | 'missing' | `stale: ${string}`;
